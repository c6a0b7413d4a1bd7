package io.dynamokit.it.forum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.dynamokit.instrument.DynamoFailure;
import io.dynamokit.instrument.DynamoMeasurement;

/**
 * Logs every DynamoDB measurement of the instrumented resources (at DEBUG; the dev profile shows them) and every
 * failure.
 */
@ApplicationScoped
public class MeasurementLog {

    private static final Logger LOG = Logger.getLogger(MeasurementLog.class);

    void measured(@Observes DynamoMeasurement m) {
        if (LOG.isDebugEnabled()) {
            LOG.debugf("%s %s attempt %d: %s %d in %.3f ms [%s, correlation %s]", m.operation(), m.tableNames(),
                    m.attempt(), m.outcome(), m.httpStatus(), m.duration().toNanos() / 1_000_000.0, m.method(),
                    m.correlationId());
        }
    }

    void failed(@Observes DynamoFailure f) {
        LOG.warnf("%s %s failed after %d attempt(s): %s [%s, correlation %s]", f.operation(), f.tableNames(),
                f.attempts(), f.errorCode() != null ? f.errorCode() : f.failure().getClass().getSimpleName(),
                f.method(), f.correlationId());
    }
}
