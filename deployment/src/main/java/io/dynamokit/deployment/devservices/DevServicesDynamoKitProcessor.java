package io.dynamokit.deployment.devservices;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.dynamokit.deployment.DynamoKitBuildTimeConfig;
import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.runtime.LaunchMode;

/**
 * Starts the embedded DynamoDB in dev and test mode and points the DynamoDB clients at it.
 */
@BuildSteps(onlyIfNot = IsNormal.class, onlyIf = DevServicesConfig.Enabled.class)
public class DevServicesDynamoKitProcessor {

    private static final Logger LOG = Logger.getLogger(DevServicesDynamoKitProcessor.class);

    static final String ENDPOINT_OVERRIDE = "quarkus.dynamodb.endpoint-override";
    static final String REGION = "quarkus.dynamodb.aws.region";
    static final String CREDENTIALS_TYPE = "quarkus.dynamodb.aws.credentials.type";
    static final String ACCESS_KEY_ID = "quarkus.dynamodb.aws.credentials.static-provider.access-key-id";
    static final String SECRET_ACCESS_KEY = "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key";
    static final String LOCALSTACK_ENABLED = "quarkus.dynamodb.devservices.enabled";

    @BuildStep
    void startEmbeddedDynamoDb(LaunchModeBuildItem launchMode, DynamoKitBuildTimeConfig config,
            BuildProducer<DevServicesResultBuildItem> devServices,
            BuildProducer<RunTimeConfigurationDefaultBuildItem> runTimeDefaults) {
        DynamoKitBuildTimeConfig.DevServicesConfig settings = config.devservices();
        if (!settings.enabled()) {
            stopUnlessTesting(launchMode);
            LOG.debug("Not starting the embedded DynamoDB: quarkus.dynamokit.devservices.enabled is false");
            return;
        }
        Config current = ConfigProvider.getConfig();
        String endpoint = current.getOptionalValue(ENDPOINT_OVERRIDE, String.class).orElse(null);
        if (endpoint != null && !endpoint.equals(EmbeddedDynamoDbs.runningEndpoint())) {
            stopUnlessTesting(launchMode);
            LOG.debugf("Not starting the embedded DynamoDB: %s is set to %s", ENDPOINT_OVERRIDE, endpoint);
            return;
        }
        if (current.getOptionalValue(LOCALSTACK_ENABLED, Boolean.class).orElse(Boolean.FALSE)) {
            stopUnlessTesting(launchMode);
            LOG.infof("Not starting the embedded DynamoDB: %s=true asks for LocalStack instead", LOCALSTACK_ENABLED);
            return;
        }

        Integer port = settings.port().isPresent() ? settings.port().getAsInt() : null;
        boolean inMemory = launchMode.getLaunchMode() == LaunchMode.TEST || settings.inMemory();
        EmbeddedDynamoDb.Settings wanted = inMemory ? EmbeddedDynamoDb.Settings.inMemory(port)
                : new EmbeddedDynamoDb.Settings(port, settings.dataDirectory().toAbsolutePath().normalize());

        long start = System.nanoTime();
        EmbeddedDynamoDbs.Started started = EmbeddedDynamoDbs.ensureRunning(wanted);
        if (started.fresh()) {
            LOG.infof("DynamoKit embedded DynamoDB (DynamoKit Engine, %s) ready at %s in %d ms", wanted.describe(),
                    started.endpoint(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }

        Map<String, String> clientConfig = clientConfig(current, started.endpoint());
        if (launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT) {
            // A Dev Services result makes dev mode ask Docker about its container, and log an error where there is no
            // Docker; run time defaults give the application the same configuration without that.
            for (Map.Entry<String, String> entry : clientConfig.entrySet()) {
                runTimeDefaults.produce(new RunTimeConfigurationDefaultBuildItem(entry.getKey(), entry.getValue()));
            }
        } else {
            // Tests need the result: it also carries the configuration to an application under @QuarkusIntegrationTest.
            devServices.produce(DevServicesResultBuildItem.discovered()
                    .name("dynamokit")
                    .description("Embedded DynamoDB (DynamoKit Engine, " + wanted.describe() + ")")
                    .config(clientConfig)
                    .build());
        }
    }

    /**
     * In dev mode an application that stops using the embedded DynamoDB frees its port. Test classes that bring their
     * own endpoint leave it running for the next ones, which share it.
     */
    private static void stopUnlessTesting(LaunchModeBuildItem launchMode) {
        if (launchMode.getLaunchMode() != LaunchMode.TEST) {
            EmbeddedDynamoDbs.stop();
        }
    }

    /** Endpoint always; region and test credentials only where the application configures none. */
    private static Map<String, String> clientConfig(Config current, String endpoint) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ENDPOINT_OVERRIDE, endpoint);
        if (current.getOptionalValue(REGION, String.class).isEmpty()) {
            values.put(REGION, "us-east-1");
        }
        if (current.getOptionalValue(CREDENTIALS_TYPE, String.class).isEmpty()) {
            values.put(CREDENTIALS_TYPE, "static");
            values.put(ACCESS_KEY_ID, "dynamokit");
            values.put(SECRET_ACCESS_KEY, "dynamokit");
        }
        return values;
    }
}
