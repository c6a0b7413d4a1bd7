package io.dynamokit.deployment.table;

import io.dynamokit.runtime.table.TablesJsonRpcService;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * A Dev UI card listing the declared tables, their status and their differences from the declarations.
 */
@BuildSteps(onlyIf = IsLocalDevelopment.class)
public class TableDevUiProcessor {

    @BuildStep
    CardPageBuildItem card() {
        CardPageBuildItem card = new CardPageBuildItem();
        card.addPage(Page.webComponentPageBuilder()
                .title("Declared tables")
                .icon("font-awesome-solid:table")
                .componentLink("qwc-dynamokit-tables.js")
                .dynamicLabelJsonRPCMethodName("getTableCount"));
        return card;
    }

    @BuildStep
    JsonRPCProvidersBuildItem tablesService() {
        return new JsonRPCProvidersBuildItem(TablesJsonRpcService.class);
    }
}
