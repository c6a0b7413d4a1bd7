package io.dynamokit.deployment.devservices;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * In dev mode the embedded DynamoDB keeps its data in the data directory, and a live reload keeps both the instance and
 * the data.
 */
public class DevModeKeepsDataAcrossLiveReloadTest {

    private static final Path DATA_DIRECTORY = Path.of("target", "dev-mode-test-data").toAbsolutePath();

    @RegisterExtension
    static final QuarkusDevModeTest DEV = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClass(PetResource.class)
                    .addAsResource(new StringAsset("quarkus.dynamokit.devservices.data-directory=" + DATA_DIRECTORY + "\n"),
                            "application.properties"));

    @Test
    void dataSurvivesALiveReload() throws IOException {
        String endpoint = given().get("/pets/endpoint").then().statusCode(200)
                .body(startsWith("http://127.0.0.1:")).extract().asString();
        given().put("/pets/rex").then().statusCode(200).body(equalTo("v1"));
        given().get("/pets/rex").then().statusCode(200).body(equalTo("v1:found"));

        DEV.modifySourceFile(PetResource.class, source -> source.replace("\"v1\"", "\"v2\""));

        given().get("/pets/rex").then().statusCode(200).body(equalTo("v2:found"));
        given().get("/pets/endpoint").then().statusCode(200).body(equalTo(endpoint));
        try (Stream<Path> files = Files.list(DATA_DIRECTORY)) {
            assertThat(files).as("what the engine keeps in %s", DATA_DIRECTORY).isNotEmpty();
        }
    }
}
