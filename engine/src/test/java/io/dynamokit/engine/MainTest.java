package io.dynamokit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamokit.engine.support.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone engine's command line. */
class MainTest {

    @TempDir
    Path directory;

    @Test
    void optionsAreReadWithASpaceOrAnEqualsSign() {
        EngineOptions options = Main.parse(new String[] {"--port", "0", "--data-dir=" + directory, "--fsync",
                "--table-status-delay-ms", "250"});

        assertThat(options.port()).isZero();
        assertThat(options.dataDirectory()).isEqualTo(directory);
        assertThat(options.fsync()).isTrue();
        assertThat(options.tableStatusDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(Main.parse(new String[0]).port()).isEqualTo(8000);
        assertThat(Main.parse(new String[0]).dataDirectory()).isNull();
    }

    @Test
    void helpAsksForTheUsage() {
        assertThat(Main.parse(new String[] {"--port", "1", "--help"})).isNull();
        assertThat(Main.parse(new String[] {"-h"})).isNull();
        assertThat(Main.USAGE).contains("--port N", "--data-dir DIR", "--fsync", "--table-status-delay-ms N",
                "--help");
    }

    @Test
    void aBadArgumentIsNamed() {
        assertThatThrownBy(() -> Main.parse(new String[] {"--port", "eighty"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--port expects a whole number, was eighty");
        assertThatThrownBy(() -> Main.parse(new String[] {"--port", "70000"}))
                .hasMessage("--port must be between 0 and 65535, was 70000");
        assertThatThrownBy(() -> Main.parse(new String[] {"--port=-1"}))
                .hasMessage("--port must not be negative, was -1");
        assertThatThrownBy(() -> Main.parse(new String[] {"--data-dir"}))
                .hasMessage("missing value for --data-dir");
        assertThatThrownBy(() -> Main.parse(new String[] {"--data-dir="}))
                .hasMessage("--data-dir expects a directory, was empty");
        assertThatThrownBy(() -> Main.parse(new String[] {"--table-status-delay-ms", "soon"}))
                .hasMessage("--table-status-delay-ms expects a whole number, was soon");
        assertThatThrownBy(() -> Main.parse(new String[] {"--inMemory"}))
                .hasMessage("unknown option --inMemory");
        assertThatThrownBy(() -> Main.parse(new String[] {"--colour=blue"}))
                .hasMessage("unknown option --colour");
    }

    @Test
    void aBadArgumentEndsTheProcessWithStatusTwo() throws Exception {
        try (ChildJvm child = ChildJvm.start(directory.resolve("err"), Main.class, "--port", "eighty")) {
            assertThat(child.waitFor(60)).isEqualTo(2);
            assertThat(child.errors()).isEqualTo("dynamokit-engine: --port expects a whole number, was eighty"
                    + System.lineSeparator() + "Try --help for the options." + System.lineSeparator());
        }
    }
}
