package io.pusherj.core.stats;

import java.util.List;
import java.util.Map;

/**
 * What every stats request of a client says about it (pusher-js's timeline options).
 *
 * @param session a random number below 10⁹, one per client
 * @param key the app key
 * @param lib the library name
 * @param version the library version
 * @param cluster the cluster
 * @param features {@code ["ws"]} when WebSocket is available
 * @param params the user's {@code timelineParams}
 */
public record StatsIdentity(
        int session,
        String key,
        String lib,
        String version,
        String cluster,
        List<String> features,
        Map<String, String> params) {}
