package io.dynamokit.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Plain decimals are read without BigDecimal: the canonical text and the size must be what BigDecimal gives. */
class PlainNumbersTest {

    @Property(tries = 2000)
    void plainDecimalsReadAsBigDecimalReadsThem(@ForAll("plainDecimals") String text) {
        BigDecimal value = new BigDecimal(text);
        int significant = value.signum() == 0 ? 1 : value.stripTrailingZeros().precision();
        if (significant > 38) {
            assertThat(Numbers.canonicalIfPlain(text)).isNull();
        } else {
            assertThat(Numbers.canonicalIfPlain(text)).isEqualTo(Numbers.canonical(value));
        }
        // the same number with an exponent is sized through BigDecimal
        String scientific = value.unscaledValue() + "E" + (-value.scale());
        assertThat(ItemSize.number(text)).isEqualTo(ItemSize.number(scientific));
    }

    @Provide
    Arbitrary<String> plainDecimals() {
        Arbitrary<String> sign = Arbitraries.of("", "-");
        Arbitrary<String> integer = Arbitraries.strings().withChars("0001234567890").ofMinLength(0).ofMaxLength(45);
        Arbitrary<String> fraction = Arbitraries.strings().withChars("0001234567890").ofMinLength(0).ofMaxLength(45);
        Arbitrary<Boolean> point = Arbitraries.of(true, false);
        return Combinators.combine(sign, integer, point, fraction)
                .as((s, i, p, f) -> s + i + (p ? "." + f : ""))
                .filter(t -> t.chars().anyMatch(Character::isDigit));
    }

    @Test
    void edgeCases() {
        assertThat(Numbers.canonicalIfPlain("100")).isEqualTo("100");
        assertThat(Numbers.canonicalIfPlain("007.50")).isEqualTo("7.5");
        assertThat(Numbers.canonicalIfPlain("-0.000")).isEqualTo("0");
        assertThat(Numbers.canonicalIfPlain(".5")).isEqualTo("0.5");
        assertThat(Numbers.canonicalIfPlain("-.05")).isEqualTo("-0.05");
        assertThat(Numbers.canonicalIfPlain("5.")).isEqualTo("5");
        assertThat(Numbers.canonicalIfPlain("120.0")).isEqualTo("120");
        for (String other : new String[] {"", "-", ".", "-.", "+5", "1e5", "1E+5", " 5", "5 ", "1.2.3", "--1",
                "\u0661", "NaN", "Infinity"}) {
            assertThat(Numbers.canonicalIfPlain(other)).as(other).isNull();
        }
        assertThat(ItemSize.number("-0")).isEqualTo(1);
        assertThat(ItemSize.number("0.05")).isEqualTo(ItemSize.number("5E-2"));
        assertThat(ItemSize.number("-120")).isEqualTo(ItemSize.number("-1.2E+2"));
    }

    @Test
    void plainNumbersAreSizedAsTheirBigDecimals() {
        Random random = new Random(13);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal value = new BigDecimal(new BigInteger(random.nextInt(120) + 1, random),
                    random.nextInt(80) - 40);
            if (random.nextBoolean()) {
                value = value.negate();
            }
            String canonical = AttributeValue.n(value).value();
            assertThat(ItemSize.number(canonical)).as(canonical)
                    .isEqualTo(ItemSize.decimal(new BigDecimal(canonical)));
        }
        for (String text : List.of("0", "-0", "1", "10", "100", "0.1", "0.01", "-0.5", "12.34", "1234.5", "007",
                "1E+2", "1e-3", "+5", ".5", "5.", "-12.3400")) {
            assertThat(ItemSize.number(text)).as(text).isEqualTo(ItemSize.decimal(new BigDecimal(text)));
        }
    }
}
