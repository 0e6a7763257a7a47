package io.pusherj.cli;

import io.pusherj.api.Pusher;
import java.util.Optional;
import picocli.CommandLine;

/** {@code --version}: the version of the running pusherj. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        // On the module path the module's version; on the class path (java -jar, bin/pusherj) the jar's.
        String v = Pusher.class.getModule().getDescriptor() != null
                ? Pusher.class.getModule().getDescriptor().rawVersion().orElse("dev")
                : Optional.ofNullable(VersionProvider.class.getPackage().getImplementationVersion())
                        .orElse("dev");
        return new String[] {"pusherj " + v};
    }
}
