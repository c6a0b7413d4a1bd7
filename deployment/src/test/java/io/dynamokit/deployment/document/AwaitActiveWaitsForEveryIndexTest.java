package io.dynamokit.deployment.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.ReactiveDocumentClient;
import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.FaultRule;
import io.dynamokit.test.fault.LoopbackPorts;
import io.dynamokit.test.fault.RecordedRequest;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * A table counts as ready only when it and every global secondary index are ACTIVE: while DynamoDB reports the table
 * ACTIVE and its index CREATING (the proxy rewrites the engine's answers so), awaitActive keeps waiting.
 */
public class AwaitActiveWaitsForEveryIndexTest {

    private static final int PROXY_PORT = LoopbackPorts.reserve(AwaitActiveWaitsForEveryIndexTest.class.getName());
    static final String TABLE = "IndexBuilding";

    @RegisterExtension
    static final QuarkusUnitTest APP = DocumentFixtures.appBehindProxy(PROXY_PORT);

    @Inject
    DocumentClient documents;

    @Inject
    ReactiveDocumentClient reactive;

    @Test
    void awaitActiveReturnsOnlyOnceTheIndexIsActiveAndTimesOutWhenItNeverIs() {
        try (FaultProxy proxy = DocumentFixtures.startProxy(PROXY_PORT)) {
            documents.createTable(DocumentFixtures.keyedByWithIndex(TABLE));
            documents.awaitActive(TABLE, Duration.ofSeconds(30));

            FaultRule building = indexCreating().first(3);
            proxy.addRule(building);
            proxy.clearRequests();
            assertActiveWithItsIndex(documents.awaitActive(TABLE, Duration.ofSeconds(30)));
            assertThat(building.timesApplied()).isEqualTo(3);
            assertThat(proxy.requests()).extracting(RecordedRequest::operation, RecordedRequest::outcome).containsExactly(
                    tuple("DescribeTable", RecordedRequest.OUTCOME_REWRITTEN),
                    tuple("DescribeTable", RecordedRequest.OUTCOME_REWRITTEN),
                    tuple("DescribeTable", RecordedRequest.OUTCOME_REWRITTEN),
                    tuple("DescribeTable", RecordedRequest.OUTCOME_FORWARDED));
            // what the waiter saw on the first three answers
            proxy.clearRules();
            proxy.addRule(indexCreating().first(1));
            TableDescription seenWhileBuilding = documents.describeTable(TABLE);
            assertThat(seenWhileBuilding.tableStatus()).isEqualTo(TableStatus.ACTIVE);
            assertThat(seenWhileBuilding.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexStatus)
                    .containsExactly(IndexStatus.CREATING);

            FaultRule buildingForReactive = indexCreating().first(2);
            proxy.clearRules();
            proxy.addRule(buildingForReactive);
            proxy.clearRequests();
            assertActiveWithItsIndex(reactive.awaitActive(TABLE, Duration.ofSeconds(30)).await().atMost(Duration.ofSeconds(40)));
            assertThat(buildingForReactive.timesApplied()).isEqualTo(2);
            assertThat(proxy.requests()).extracting(RecordedRequest::outcome).containsExactly(
                    RecordedRequest.OUTCOME_REWRITTEN, RecordedRequest.OUTCOME_REWRITTEN,
                    RecordedRequest.OUTCOME_FORWARDED);

            proxy.clearRules();
            proxy.addRule(indexCreating());
            String neverActive = "Table IndexBuilding was not ACTIVE with all its global secondary indexes within PT0.9S "
                    + "(last seen: ACTIVE, index ByGk CREATING)";
            proxy.clearRequests();
            assertThatThrownBy(() -> documents.awaitActive(TABLE, Duration.ofMillis(900)))
                    .isInstanceOf(SdkClientException.class).hasMessage(neverActive);
            assertThat(proxy.requests()).hasSizeGreaterThan(1).allSatisfy(
                    r -> assertThat(r.outcome()).isEqualTo(RecordedRequest.OUTCOME_REWRITTEN));
            assertThatThrownBy(() -> reactive.awaitActive(TABLE, Duration.ofMillis(900)).await().atMost(Duration.ofSeconds(30)))
                    .isInstanceOf(SdkClientException.class).hasMessage(neverActive);
        }
    }

    private static void assertActiveWithItsIndex(TableDescription table) {
        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName,
                GlobalSecondaryIndexDescription::indexStatus).containsExactly(tuple("ByGk", IndexStatus.ACTIVE));
    }

    /** DescribeTable answers for the table with its index still being built. */
    private static FaultRule indexCreating() {
        return FaultRule.rewriteDescribeTableIndex(TABLE, "ByGk", "CREATING");
    }
}
