package io.pusherj.core;

import io.pusherj.api.Member;
import io.pusherj.api.Members;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable members snapshot. The strand replaces it on every change (presence channels have at most
 * 100 members, so copying is cheap) and readers on any thread see a consistent view.
 */
final class MembersSnapshot implements Members {
    static final MembersSnapshot EMPTY = new MembersSnapshot(Map.of(), 0, null);

    private final Map<String, Member> members;
    private final int count;
    private final String myId;

    MembersSnapshot(Map<String, Member> members, int count, String myId) {
        this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        this.count = count;
        this.myId = myId;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public Optional<Member> me() {
        return myId == null ? Optional.empty() : get(myId);
    }

    @Override
    public Optional<Member> get(String userId) {
        return Optional.ofNullable(members.get(userId));
    }

    @Override
    public List<Member> all() {
        return List.copyOf(members.values());
    }

    /** pusher-js {@code addMember}: a new id raises the count; a known one is overwritten. */
    MembersSnapshot with(Member m) {
        Map<String, Member> copy = new LinkedHashMap<>(members);
        boolean isNew = copy.put(m.id(), m) == null;
        return new MembersSnapshot(copy, isNew ? count + 1 : count, myId);
    }

    /** pusher-js {@code removeMember}: only a known id lowers the count. */
    MembersSnapshot without(String id) {
        if (!members.containsKey(id)) {
            return this;
        }
        Map<String, Member> copy = new LinkedHashMap<>(members);
        copy.remove(id);
        return new MembersSnapshot(copy, count - 1, myId);
    }

    @Override
    public String toString() {
        return "Members[count=" + count + ", me=" + myId + ", ids=" + members.keySet() + "]";
    }
}
