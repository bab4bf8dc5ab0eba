package io.novasim.state;

import io.novasim.model.error.ComputeException;
import io.novasim.model.keypair.Keypair;
import io.novasim.state.command.CreateKeypair;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.DeleteKeypair;
import io.novasim.state.command.Receipt;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

import static io.novasim.state.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Key pairs: a user's own, generated from the seed or imported, refused with Nova's texts. */
class KeypairsTest {
    private final Cloud cloud = Fixtures.cloud(5);

    private static void refused(ThrowableAssert.ThrowingCallable call, int code, String message) {
        assertThatThrownBy(call).isInstanceOf(ComputeException.class).hasMessage(message)
                .extracting(e -> ((ComputeException) e).code()).isEqualTo(code);
    }

    @Test
    void aSeedGeneratesTheKeysTheHttpAdapterGeneratedBeforeTheEngineKeptThem() {
        cloud.execute(ALICE, new CreateServer("web", FLAVOR, IMAGE)); // other streams do not move the key stream
        Receipt generated = cloud.execute(ALICE, new CreateKeypair("k", null, null));
        assertThat(generated.keypair().publicKey())
                .isEqualTo("ssh-ed25519 2MTTeQhRKkweFO1u9g1m+Yf8boVF656m8p6vKCdsb9A= Generated-by-Nova");
        assertThat(generated.privateKey()).isEqualTo("-----BEGIN OPENSSH PRIVATE KEY-----\n"
                + "2MTTeQhRKkweFO1u9g1m+Yf8boVF656m8p6vKCdsb9A=\n-----END OPENSSH PRIVATE KEY-----\n");
        assertThat(generated.keypair().fingerprint()).isEqualTo("d8:c4:d3:79:08:51:2a:4c:1e:14:ed:6e:f6:0d:66:f9");
        assertThat(generated.keypair().type()).as("Nova's default type").isEqualTo("ssh");

        Receipt imported = cloud.execute(ALICE, new CreateKeypair("k2", "ssh-rsa AAAAB3 me@host", "x509"));
        assertThat(imported.privateKey()).as("an imported key has no private key").isNull();
        assertThat(imported.keypair().publicKey()).isEqualTo("ssh-rsa AAAAB3 me@host");
        assertThat(imported.keypair().fingerprint()).isEqualTo("74:ce:ab:4c:24:1a:e7:cb:d1:f0:ad:44:c5:16:f0:13");
        assertThat(imported.keypair().type()).isEqualTo("x509");
    }

    @Test
    void keyPairsAreTheUsersOwnInCreationOrderWhateverTheProject() {
        cloud.execute(ALICE, new CreateKeypair("b", null, null));
        cloud.execute(ALICE, new CreateKeypair("a", null, null));
        cloud.execute(BOB, new CreateKeypair("a", null, null));

        assertThat(cloud.keypairs(ALICE)).extracting(Keypair::name).containsExactly("b", "a");
        assertThat(cloud.keypairs(BOB)).extracting(Keypair::name).as("same project, another user").containsExactly("a");
        assertThat(cloud.keypairs(ADMIN)).as("an admin sees only its own too").isEmpty();
        assertThat(cloud.keypair(ALICE, "a").userId()).isEqualTo("alice");
        assertThat(cloud.keypair(ALICE, "a").created()).isEqualTo(cloud.now());
        assertThat(cloud.state().keypairs()).hasSize(3);
    }

    @Test
    void refusalsChangeNothing() {
        cloud.execute(ALICE, new CreateKeypair("k", null, null));
        CloudState before = cloud.state();
        refused(() -> cloud.execute(ALICE, new CreateKeypair("k", "ssh-rsa AAAA", null)), 409,
                "Key pair 'k' already exists.");
        refused(() -> cloud.execute(BOB, new DeleteKeypair("k")), 404, "Keypair k not found for user bob");
        refused(() -> cloud.keypair(BOB, "k"), 404, "Keypair k not found for user bob");
        assertThat(cloud.state()).isEqualTo(before);
    }

    @Test
    void aDeletedKeyPairIsGoneAndItsNameFree() {
        Keypair first = cloud.execute(ALICE, new CreateKeypair("k", null, null)).keypair();
        assertThat(cloud.execute(ALICE, new DeleteKeypair("k")).keypair()).isEqualTo(first);
        assertThat(cloud.keypairs(ALICE)).isEmpty();
        Keypair again = cloud.execute(ALICE, new CreateKeypair("k", null, null)).keypair();
        assertThat(again.publicKey()).as("the key stream moved on").isNotEqualTo(first.publicKey());
    }
}
