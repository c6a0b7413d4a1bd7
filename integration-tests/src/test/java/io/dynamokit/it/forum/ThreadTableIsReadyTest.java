package io.dynamokit.it.forum;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dynamokit.table.TableManager;
import io.dynamokit.table.TableStatus;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The tables declared in application.properties, Thread and the flags config store's ForumConfig, exist as declared
 * when the application starts, and the readiness endpoint reports them.
 */
@QuarkusTest
public class ThreadTableIsReadyTest {

    @Inject
    TableManager tables;

    @Test
    void readinessReportsTheThreadTableRunning() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'DynamoKit tables' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data.Thread", equalTo("RUNNING"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data.ForumConfig", equalTo("RUNNING"));
    }

    @Test
    void declaredTablesAreAsDeclared() {
        assertThat(tables.tables()).containsExactly("ForumConfig", ThreadTable.NAME);
        assertThat(tables.status(ThreadTable.NAME)).isEqualTo(TableStatus.RUNNING);
        assertThat(tables.diff(ThreadTable.NAME).differences()).isEmpty();
        assertThat(tables.status("ForumConfig")).isEqualTo(TableStatus.RUNNING);
        assertThat(tables.diff("ForumConfig").differences()).isEmpty();
    }
}
