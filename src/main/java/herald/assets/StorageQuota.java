package herald.assets;

import herald.database.TenantScope;
import herald.shared.LimitReached;
import herald.shared.WorkspaceId;
import herald.tenancy.Plans;
import herald.tenancy.Workspaces;
import org.springframework.stereotype.Component;

/** A workspace's asset storage against its plan's quota; the same bytes stored once count once. */
@Component
class StorageQuota {

    private final TenantScope tenants;
    private final Library library;
    private final Workspaces workspaces;
    private final Plans plans;

    StorageQuota(TenantScope tenants, Library library, Workspaces workspaces, Plans plans) {
        this.tenants = tenants;
        this.library = library;
        this.workspaces = workspaces;
        this.plans = plans;
    }

    Assets.Usage usage(WorkspaceId workspace) {
        return tenants.call(workspace, () -> new Assets.Usage(library.storedBytes(workspace), quotaBytes(workspace)));
    }

    void refuseOverQuota(WorkspaceId workspace, long size) {
        Assets.Usage usage = usage(workspace);
        if (usage.usedBytes() + size > usage.quotaBytes()) {
            throw overQuota(workspace);
        }
    }

    LimitReached overQuota(WorkspaceId workspace) {
        Assets.Usage usage = usage(workspace);
        return new LimitReached(
                "storage-mb",
                "The workspace's asset storage is full: " + Sizes.human(usage.usedBytes()) + " of "
                        + Sizes.human(usage.quotaBytes()) + " used. Delete assets or move to a larger plan.");
    }

    long quotaBytes(WorkspaceId workspace) {
        String plan = workspaces.require(workspace).plan();
        return plans.get(plan).limits().storageMb() * 1024 * 1024;
    }
}
