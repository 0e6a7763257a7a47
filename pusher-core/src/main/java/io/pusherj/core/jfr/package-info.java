/**
 * pusherj's Flight Recorder events: {@code io.pusherj.ConnectionStateChange}, {@code io.pusherj.ConnectAttempt},
 * {@code io.pusherj.Subscription}, {@code io.pusherj.AuthRequest} and {@code io.pusherj.InboundOverflow}, in
 * the category {@code pusherj}. They are on in any recording ({@code jcmd <pid> JFR.start}) and cost a
 * check of {@code isEnabled()} without one; none is recorded per frame. The classes are internal (this
 * package is not exported); their names and fields are the contract, read by name:
 *
 * <pre>{@code
 * try (RecordingStream rs = new RecordingStream()) {
 *     rs.enable("io.pusherj.ConnectAttempt");
 *     rs.onEvent("io.pusherj.ConnectAttempt", e -> log.info("{} to {}: {} in {}",
 *             e.getString("transport"), e.getString("host"), e.getString("outcome"), e.getDuration()));
 *     rs.startAsync();
 *     ...
 * }
 * }</pre>
 *
 * Or from the command line: {@code jfr print --categories pusherj recording.jfr}.
 */
package io.pusherj.core.jfr;
