package io.dynamokit.benchmarks;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The SDK client the throughput, scaling and load benchmarks send their requests with, the same for every server they
 * compare: the Apache HTTP client, static credentials, region {@code us-east-1}.
 */
final class SdkClients {

    private SdkClients() {
    }

    /** A client with the SDK's default retries, as applications use it. */
    static DynamoDbClient forEndpoint(URI endpoint, int maxConnections) {
        return builder(endpoint, maxConnections).build();
    }

    /**
     * A client that never retries: a request that fails is reported as it failed, and a request is never sent twice
     * (a write whose first attempt was applied but not answered would otherwise be applied again).
     */
    static DynamoDbClient withoutRetries(URI endpoint, int maxConnections) {
        return builder(endpoint, maxConnections)
                .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()))
                .build();
    }

    private static DynamoDbClientBuilder builder(URI endpoint, int maxConnections) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(maxConnections));
    }
}
