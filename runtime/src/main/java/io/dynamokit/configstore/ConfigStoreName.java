package io.dynamokit.configstore;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Selects a named config store, declared under {@code quarkus.dynamokit.config-stores."<name>"}:
 * {@code @Inject @ConfigStoreName("flags") ConfigStore flags}. Also qualifies the {@link ConfigStoreChange} events of
 * that store, so an observer can listen to one store only.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, METHOD, TYPE })
public @interface ConfigStoreName {

    /** The store's name, as the key under {@code quarkus.dynamokit.config-stores}. */
    String value();

    /** An instance of the qualifier, for {@code Instance.select} and {@code Event.select}. */
    final class Literal extends AnnotationLiteral<ConfigStoreName> implements ConfigStoreName {

        private static final long serialVersionUID = 1L;

        private final String value;

        public Literal(String value) {
            this.value = value;
        }

        public static Literal of(String value) {
            return new Literal(value);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
