package io.dynamokit.deployment.table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import io.dynamokit.test.fault.FaultProxy;
import io.dynamokit.test.fault.RecordedRequest;

/**
 * The requests a {@link FaultProxy} saw, for test methods that run in the application's class loader while the proxy
 * runs in JUnit's (it has to listen before the application starts): a {@link Supplier} of JDK types in the system
 * properties, which both class loaders see.
 */
final class ProxyRecording {

    private ProxyRecording() {
    }

    /**
     * Publishes the proxy's requests under the system property, each as the text the function makes of it, or left out
     * when it makes null.
     */
    static void publish(String property, FaultProxy proxy, Function<RecordedRequest, String> describe) {
        Supplier<List<String>> recording = () -> {
            List<String> requests = new ArrayList<>();
            for (RecordedRequest request : proxy.requests()) {
                String text = describe.apply(request);
                if (text != null) {
                    requests.add(text);
                }
            }
            return requests;
        };
        System.getProperties().put(property, recording);
    }

    /** The requests published under the system property so far. */
    @SuppressWarnings("unchecked")
    static List<String> requests(String property) {
        return ((Supplier<List<String>>) System.getProperties().get(property)).get();
    }

    /** Withdraws the recording and closes the proxy. */
    static void close(String property, FaultProxy proxy) {
        System.getProperties().remove(property);
        if (proxy != null) {
            proxy.close();
        }
    }
}
