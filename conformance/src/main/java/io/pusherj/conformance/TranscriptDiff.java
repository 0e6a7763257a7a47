package io.pusherj.conformance;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares two transcripts stream by stream: the records both have, in order (a longest common
 * subsequence of their canonical texts), match; every other record is a {@link Difference}.
 */
final class TranscriptDiff {
    private TranscriptDiff() {}

    /** The differences between pusher-js's transcript and pusherj's, stream by stream. */
    static List<Difference> between(Transcript pusherJs, Transcript pusherj) {
        List<Difference> out = new ArrayList<>();
        var names = new TreeSet<>(pusherJs.streams().keySet());
        names.addAll(pusherj.streams().keySet());
        for (String name : names) {
            diff(
                    pusherJs.streams().getOrDefault(name, List.of()),
                    pusherj.streams().getOrDefault(name, List.of()),
                    out);
        }
        return out;
    }

    private static void diff(List<JsonObject> a, List<JsonObject> b, List<Difference> out) {
        List<String> x = a.stream().map(JsonValues::canonical).toList();
        List<String> y = b.stream().map(JsonValues::canonical).toList();
        int[][] lcs = new int[x.size() + 1][y.size() + 1];
        for (int i = x.size() - 1; i >= 0; i--) {
            for (int j = y.size() - 1; j >= 0; j--) {
                lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < x.size() || j < y.size()) {
            if (i < x.size() && j < y.size() && x.get(i).equals(y.get(j))) {
                i++;
                j++;
            } else if (j >= y.size() || (i < x.size() && lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Difference("pusher-js", a.get(i++)));
            } else {
                out.add(new Difference("pusherj", b.get(j++)));
            }
        }
    }

    /** Only for messages: the streams of a transcript, one line per record. */
    static String describe(Transcript t) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, List<JsonObject>> e : t.streams().entrySet()) {
            for (JsonObject r : e.getValue()) {
                s.append("    ").append(Difference.shown(r)).append('\n');
            }
        }
        return s.toString();
    }
}
