package io.novasim.state;

import io.novasim.model.error.Refusal;
import io.novasim.model.migration.Migration;
import io.novasim.model.server.Server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The migrations Nova records for resizes, numbered from 1 in the order they start. */
final class Migrations {
    private final World world;

    Migrations(World world) {
        this.world = world;
    }

    /**
     * @param type     {@code resize}, {@code migration}, {@code evacuation} or {@code live-migration}
     * @param destHost the host asked for, or {@code null} for the scheduler to choose
     */
    Migration start(Server server, String newFlavorId, String type, String status, String destHost, Instant now) {
        Migration migration = new Migration(world.migrations.size() + world.migrationsGone + 1, world.ids.uuid(),
                server.id(), server.projectId(), server.userId(), type, status, server.flavorId(), newFlavorId,
                server.vmState(), server.host(), destHost, now, now);
        world.migrations.add(migration);
        return migration;
    }

    /** The server's migration in flight (not yet confirmed, reverted or failed), if any. */
    Optional<Migration> inFlight(String serverId) {
        for (int i = world.migrations.size() - 1; i >= 0; i--) {
            Migration migration = world.migrations.get(i);
            if (migration.serverId().equals(serverId)) {
                return switch (migration.status()) {
                    case Migration.CONFIRMED, Migration.REVERTED, Migration.ERROR, Migration.DONE,
                         Migration.COMPLETED -> Optional.empty();
                    default -> Optional.of(migration);
                };
            }
        }
        return Optional.empty();
    }

    /**
     * The server's finished resize, waiting to be confirmed or reverted.
     *
     * @throws io.novasim.model.error.ComputeException Nova's 400 when there is none (MigrationNotFoundByStatus)
     */
    Migration finished(Server server) {
        return inFlight(server.id()).filter(m -> m.status().equals(Migration.FINISHED))
                .orElseThrow(() -> Refusal.NOT_RESIZED.exception());
    }

    void destination(String serverId, String host, Instant now) {
        for (int i = world.migrations.size() - 1; i >= 0; i--) {
            Migration migration = world.migrations.get(i);
            if (migration.serverId().equals(serverId)) {
                world.migrations.set(i, migration.withDestHost(host, now));
                return;
            }
        }
    }

    void status(String serverId, String status, Instant now) {
        for (int i = world.migrations.size() - 1; i >= 0; i--) {
            Migration migration = world.migrations.get(i);
            if (migration.serverId().equals(serverId)) {
                world.migrations.set(i, migration.withStatus(status, now));
                return;
            }
        }
    }

    /** A deleted server's migrations go with it (Nova's instance_destroy deletes them). */
    void forget(String serverId) {
        int before = world.migrations.size();
        world.migrations.removeIf(m -> m.serverId().equals(serverId));
        world.migrationsGone += before - world.migrations.size();
    }

    List<Migration> all() {
        return new ArrayList<>(world.migrations);
    }
}
