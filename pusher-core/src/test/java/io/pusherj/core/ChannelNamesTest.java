package io.pusherj.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every channel-name rule of docs/protocol.md §4.2, at its edges: what passes, and what fails with why. */
class ChannelNamesTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "news",
                "private-orders",
                "presence-room.1",
                "cache-x",
                "private-encrypted-v",
                "A-Z_a-z=0-9@,.;",
                "-",
                "x"
            })
    void namesOfTheAllowedCharactersPass(String name) {
        assertDoesNotThrow(() -> ChannelNames.validate(name));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 199, 200})
    void namesUpToTheLimitPass(int length) {
        assertDoesNotThrow(() -> ChannelNames.validate("c".repeat(length)));
    }

    @Test
    void aNameOneOverTheLimitFailsNamingTheLimit() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ChannelNames.validate("c".repeat(ChannelNames.MAX_LENGTH + 1)));
        assertTrue(e.getMessage().contains("longer than 200"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "has space",
                "slash/name",
                "colon:name",
                "new\nline",
                "carriage\rreturn",
                "tab\tname",
                "quote\"",
                "star*",
                "é",
                "emoji\uD83D\uDE00",
                "nul\u0000",
                "percent%20",
                "plus+",
                "brace{}"
            })
    void namesWithAnyOtherCharacterFail(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChannelNames.validate(name));
        assertTrue(e.getMessage().contains("may only contain"), e.getMessage());
        assertTrue(
                e.getMessage().chars().noneMatch(Character::isISOControl),
                "no raw control character in: " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"#server-to-user-1", "#anything"})
    void namesStartingWithAHashAreReserved(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChannelNames.validate(name));
        assertTrue(e.getMessage().contains("reserved"), e.getMessage());
    }

    @Test
    void emptyAndMissingNamesFail() {
        assertThrows(IllegalArgumentException.class, () -> ChannelNames.validate(""));
        assertThrows(
                NullPointerException.class, () -> ChannelNames.validate(null), "null is refused as null everywhere");
    }
}
