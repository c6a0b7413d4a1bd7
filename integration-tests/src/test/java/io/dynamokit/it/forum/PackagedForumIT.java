package io.dynamokit.it.forum;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The packaged production application: it talks to the DynamoDB it is configured with (here the embedded one the
 * test run provides) and ships none of the embedded DynamoDB's jars. In production it only validates its tables; this
 * test asks it to create them, its config store's table among them, as a first deployment would.
 */
@QuarkusIntegrationTest
@TestProfile(PackagedForumIT.FirstDeployment.class)
public class PackagedForumIT {

    /** The packaged application, told to create its missing tables (the config store's among them). */
    public static class FirstDeployment implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.dynamokit.schema-management", "create");
        }
    }

    @Test
    void packagedApplicationCreatesAndReadsThreads() {
        String forum = "packaged-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(Map.of("subject", "from the jar", "message", "hello", "lastPostedBy", "frank"))
                .post("/forums/{forum}/threads", forum)
                .then().statusCode(201);
        given().get("/forums/{forum}/threads/{subject}", forum, "from the jar")
                .then().statusCode(200).body("lastPostedBy", equalTo("frank"));
    }

    @Test
    void packagedApplicationReportsItsTableReady() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'DynamoKit tables' }.data.Thread", equalTo("RUNNING"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data.ForumConfig", equalTo("RUNNING"));
    }

    @Test
    void packagedApplicationContainsNoEmbeddedDynamoDbJar() throws IOException {
        Path libraries = Path.of("target", "quarkus-app", "lib");
        assertThat(libraries).isDirectory();
        List<String> jars;
        try (Stream<Path> files = Files.walk(libraries)) {
            jars = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).toList();
        }
        assertThat(jars).anyMatch(n -> n.contains("quarkus-dynamokit-999-SNAPSHOT"));
        assertThat(jars).anyMatch(n -> n.contains("dynamodb-2."));
        assertThat(jars).noneMatch(n -> n.contains("dynamokit-engine"));
        assertThat(jars).noneMatch(n -> n.contains("quarkus-dynamokit-deployment"));
    }
}
