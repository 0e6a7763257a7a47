/**
 * NaCl secretbox for {@code private-encrypted-} channels, over Salty Coffee. Exports nothing; the core
 * finds the provider with {@link java.util.ServiceLoader}.
 */
module io.pusherj.encryption {
    requires io.pusherj.api;
    requires software.pando.crypto.nacl;

    provides io.pusherj.api.spi.SecretBoxProvider with
            io.pusherj.encryption.SaltyCoffeeSecretBox;
}
