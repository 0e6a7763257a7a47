package io.pusherj.cli;

import picocli.CommandLine;

/** A count per second, written {@code 1000} or {@code 1000/s}: {@code --ramp} and {@code --rate}. */
final class PerSecond implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        String count = value.endsWith("/s") ? value.substring(0, value.length() - 2) : value;
        try {
            return Integer.valueOf(count);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a count per second (N or N/s)");
        }
    }
}
