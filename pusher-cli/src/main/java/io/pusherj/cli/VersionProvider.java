package io.pusherj.cli;

import io.pusherj.api.Pusher;
import picocli.CommandLine;

/** {@code --version}: the version of the running pusherj. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Pusher.class.getModule().getDescriptor() != null
                ? Pusher.class.getModule().getDescriptor().rawVersion().orElse("dev")
                : String.valueOf(Pusher.class.getPackage().getImplementationVersion());
        return new String[] {"pusherj " + v};
    }
}
