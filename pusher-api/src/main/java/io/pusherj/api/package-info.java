/**
 * The pusherj client API: {@link io.pusherj.api.Pusher}, its options, connection, channels and events.
 */
package io.pusherj.api;
