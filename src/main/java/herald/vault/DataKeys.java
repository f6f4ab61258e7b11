package herald.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data keyset that seals secrets, stored in {@code vault_keysets} encrypted by the master keyset and shared by
 * every node. Each node keeps the version it loaded and checks the stored version when its copy is older than the
 * refresh interval, and at once when a ciphertext names a key it does not know; the check is one indexed read of
 * {@code max(version)}. Changes (rotate, disable) take an advisory lock, read the latest version and write the next.
 */
class DataKeys {

    private static final Logger log = LoggerFactory.getLogger(DataKeys.class);
    private static final byte[] KEYSET_AD = "herald-vault-data-keyset-v1".getBytes(StandardCharsets.UTF_8);

    /** One loaded version: the Tink primitive over its enabled keys and each key's status. */
    record Loaded(long version, KeysetHandle handle, Aead aead, long primary, Map<Long, KeyStatus> keys) {

        boolean knows(long keyId) {
            return keys.get(keyId) == KeyStatus.ENABLED;
        }
    }

    private final JdbcClient jdbc;
    private final Aead master;
    private final long refreshNanos;
    private final TransactionTemplate fresh;
    private final ReentrantLock refreshing = new ReentrantLock();

    private volatile @Nullable Loaded loaded;
    private volatile long checkedAt;

    DataKeys(JdbcClient jdbc, PlatformTransactionManager transactions, Aead master, VaultSettings settings) {
        this.jdbc = jdbc;
        this.master = master;
        this.refreshNanos = settings.refreshInterval().toNanos();
        this.fresh = new TransactionTemplate(transactions);
        this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The keys to seal with: this node's copy, checked against the stored version at most once per interval. */
    Loaded current() {
        Loaded copy = loaded;
        if (copy != null && System.nanoTime() - checkedAt < refreshNanos) {
            return copy;
        }
        return refresh(false);
    }

    /** The keys to open {@code keyId} with: when this node does not know the key, it checks at once. */
    Loaded forKey(long keyId) {
        Loaded copy = current();
        return copy.knows(keyId) ? copy : refresh(true);
    }

    Loaded refresh(boolean force) {
        refreshing.lock();
        try {
            Loaded copy = loaded;
            if (!force && copy != null && System.nanoTime() - checkedAt < refreshNanos) {
                return copy;
            }
            Long latest = jdbc.sql("select max(version) from vault_keysets")
                    .query(Long.class)
                    .optional()
                    .orElse(null);
            if (latest == null) {
                copy = fresh.execute(status -> createIfAbsent());
            } else if (copy == null || copy.version() != latest) {
                copy = load(latest);
            }
            loaded = copy;
            checkedAt = System.nanoTime();
            return copy;
        } finally {
            refreshing.unlock();
        }
    }

    /**
     * Writes the next version under the keyset lock: {@code change} gets the latest keyset and returns the next one,
     * or null for no change. It runs in the same transaction, so it may mirror the change in {@code vault_keys}.
     */
    @Nullable
    Loaded change(Function<Loaded, @Nullable KeysetHandle> change) {
        Loaded written = fresh.execute(status -> {
            lock();
            Loaded latest = latestLocked();
            KeysetHandle next = change.apply(latest);
            return next == null ? null : write(latest.version() + 1, next);
        });
        if (written != null) {
            refresh(true);
        }
        return written;
    }

    /** Runs {@code work} in a transaction holding the keyset lock, so no change is made meanwhile. */
    <T> T locked(Supplier<T> work) {
        return fresh.execute(status -> {
            lock();
            return work.get();
        });
    }

    static KeysetHandle withNewPrimary(KeysetHandle current) {
        var builder = KeysetHandle.newBuilder(current);
        builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                .withRandomId()
                .makePrimary());
        return build(builder);
    }

    static @Nullable KeysetHandle withDisabled(KeysetHandle current, Set<Long> keyIds) {
        var builder = KeysetHandle.newBuilder(current);
        boolean changed = false;
        for (int i = 0; i < current.size(); i++) {
            var entry = current.getAt(i);
            long id = Integer.toUnsignedLong(entry.getId());
            if (keyIds.contains(id) && !entry.isPrimary() && entry.getStatus() == KeyStatus.ENABLED) {
                builder.getAt(i).setStatus(KeyStatus.DISABLED);
                changed = true;
            }
        }
        return changed ? build(builder) : null;
    }

    private static KeysetHandle build(KeysetHandle.Builder builder) {
        try {
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new VaultException(
                    "Could not build the vault's data keyset: " + e.getClass().getSimpleName());
        }
    }

    private void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('herald.vault.keyset', 0))")
                .query()
                .singleValue();
    }

    private Loaded createIfAbsent() {
        lock();
        Long latest = jdbc.sql("select max(version) from vault_keysets")
                .query(Long.class)
                .optional()
                .orElse(null);
        if (latest != null) {
            return load(latest);
        }
        KeysetHandle first;
        try {
            first = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new VaultException("Could not generate the vault's data keyset: "
                    + e.getClass().getSimpleName());
        }
        Loaded created = write(1, first);
        jdbc.sql("insert into vault_keys (key_id, state) values (:id, 'primary')")
                .param("id", created.primary())
                .update();
        log.info("Created the vault's data keyset with primary key {}", created.primary());
        return created;
    }

    private Loaded latestLocked() {
        long latest = jdbc.sql("select max(version) from vault_keysets")
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new VaultException("The vault has no data keyset yet"));
        return load(latest);
    }

    private Loaded write(long version, KeysetHandle handle) {
        byte[] encrypted;
        try {
            encrypted = TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, master, KEYSET_AD);
        } catch (GeneralSecurityException e) {
            throw new VaultException(
                    "Could not encrypt the vault's data keyset: " + e.getClass().getSimpleName());
        }
        jdbc.sql("insert into vault_keysets (version, keyset) values (:version, :keyset)")
                .param("version", version)
                .param("keyset", encrypted)
                .update();
        return loaded(version, handle);
    }

    private Loaded load(long version) {
        byte[] encrypted = jdbc.sql("select keyset from vault_keysets where version = :version")
                .param("version", version)
                .query(byte[].class)
                .single();
        try {
            return loaded(version, TinkProtoKeysetFormat.parseEncryptedKeyset(encrypted, master, KEYSET_AD));
        } catch (GeneralSecurityException e) {
            throw new VaultException("The stored data keyset (version " + version + ") does not decrypt with the"
                    + " master keyset: is HERALD_KEYSET the one this database was set up with?");
        }
    }

    private static Loaded loaded(long version, KeysetHandle handle) {
        Map<Long, KeyStatus> keys = new HashMap<>();
        for (int i = 0; i < handle.size(); i++) {
            keys.put(
                    Integer.toUnsignedLong(handle.getAt(i).getId()),
                    handle.getAt(i).getStatus());
        }
        try {
            Aead aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
            return new Loaded(
                    version,
                    handle,
                    aead,
                    Integer.toUnsignedLong(handle.getPrimary().getId()),
                    Map.copyOf(keys));
        } catch (GeneralSecurityException e) {
            throw new VaultException(
                    "The vault's data keyset is unusable: " + e.getClass().getSimpleName());
        }
    }
}
