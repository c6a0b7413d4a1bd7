package io.dynamokit.deployment.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * What Quarkus answers for an exception no mapper handles: its error handler's 500, with an error id.
 */
final class UnmappedFailures {

    private UnmappedFailures() {
    }

    static void answeredByQuarkus(String path, Class<? extends Throwable> failure) {
        given().accept("text/plain").get(path).then().statusCode(500)
                .contentType(startsWith("text/plain"))
                .body(containsString("500 - Internal Server Error"))
                .body(containsString("Error id "))
                .body(containsString(failure.getName()))
                .body(not(containsString("urn:dynamokit")));
    }
}
