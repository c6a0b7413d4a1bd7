package io.dynamokit.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HttpDateTest {
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @Test
    void writesRfc9110sExample() {
        assertThat(ResponseWriter.httpDate(784111777L)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    }

    @Test
    void agreesWithTheJdksFormatterOnEdgesAndRandomInstants() {
        long[] edges = { 0L, 59L, 86_399L, 86_400L, 951_782_400L /* 2000-02-29 */, 1_709_164_800L /* 2024-02-29 */,
            4_102_444_799L /* 2099-12-31T23:59:59 */, 253_402_300_799L /* 9999-12-31T23:59:59 */ };
        for (long second : edges) {
            assertThat(ResponseWriter.httpDate(second)).as("second %d", second)
                    .isEqualTo(IMF_FIXDATE.format(Instant.ofEpochSecond(second)));
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long second = random.nextLong(0, 253_402_300_800L);
            assertThat(ResponseWriter.httpDate(second)).as("second %d", second)
                    .isEqualTo(IMF_FIXDATE.format(Instant.ofEpochSecond(second)));
        }
    }
}
