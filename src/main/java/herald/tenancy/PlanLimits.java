package herald.tenancy;

/**
 * What a plan allows. Each limit is enforced by the module that owns the resource.
 *
 * @param members members of one workspace
 * @param connections connected social accounts
 * @param postsPerDay posts published per day
 * @param apiRequestsPerHour API requests per hour, across all keys of the workspace
 * @param aiTokensPerMonth AI tokens per calendar month
 * @param storageMb asset storage in megabytes
 */
public record PlanLimits(
        int members, int connections, int postsPerDay, int apiRequestsPerHour, long aiTokensPerMonth, long storageMb) {}
