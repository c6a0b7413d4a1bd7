package io.dynamokit.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdempotencyTokensTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aTokenCountsForTenMinutesThenIsDropped() {
        IdempotencyTokens<String> tokens = new IdempotencyTokens<>();
        tokens.record("a", "first", T0);
        assertThat(tokens.find("a", T0.plus(Duration.ofMinutes(10)).minusNanos(1))).isEqualTo("first");
        assertThat(tokens.find("a", T0.plus(Duration.ofMinutes(10)))).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void eachLookUpDropsTheExpiredTokensFromTheOldestEndOnly() {
        IdempotencyTokens<Integer> tokens = new IdempotencyTokens<>();
        for (int i = 0; i < 1000; i++) {
            tokens.record("t" + i, i, T0.plusSeconds(i));
        }
        Instant now = T0.plus(Duration.ofMinutes(10)).plusSeconds(99);
        assertThat(tokens.find("t99", now)).isNull();
        assertThat(tokens.find("t100", now)).isEqualTo(100);
        assertThat(tokens.size()).isEqualTo(900);
    }

    @Test
    void aTokenRecordedAgainBecomesTheYoungest() {
        IdempotencyTokens<String> tokens = new IdempotencyTokens<>();
        tokens.record("a", "old", T0);
        tokens.record("b", "b", T0.plusSeconds(1));
        tokens.record("a", "new", T0.plusSeconds(2));
        Instant now = T0.plus(Duration.ofMinutes(10)).plusSeconds(1);
        assertThat(tokens.find("a", now)).isEqualTo("new");
        assertThat(tokens.find("b", now)).isNull();
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void anExpiredTokenBehindAYoungerOneStillDoesNotCount() {
        IdempotencyTokens<String> tokens = new IdempotencyTokens<>();
        tokens.record("young", "y", T0.plusSeconds(60));
        // recorded after a clock was set back by more than the window
        tokens.record("old", "o", T0);
        Instant now = T0.plus(Duration.ofMinutes(10));
        assertThat(tokens.find("old", now)).isNull();
        assertThat(tokens.find("young", now)).isEqualTo("y");
    }
}
