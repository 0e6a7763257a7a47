/**
 * pusherj's own machinery behind the API's default methods, shared with {@code io.pusherj.core}: not API,
 * exported to pusherj's modules only.
 */
package io.pusherj.api.internal;
