package io.dynamokit.runtime.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Quarkus REST lets Jackson's {@code MismatchedInputException} through when a JSON body has the wrong shape (a string
 * for a number, an array for an object): this answers it with a problem naming the field and the type expected, in
 * place of Quarkus' bare 400.
 */
public class BodyShapeMapper implements ExceptionMapper<MismatchedInputException> {

    private static final Logger LOG = Logger.getLogger(BodyShapeMapper.class);

    @Override
    public Response toResponse(MismatchedInputException exception) {
        LOG.debugf("Request body refused with 400: %s", exception.getOriginalMessage());
        return JsonBodyProblems.of(exception);
    }
}
