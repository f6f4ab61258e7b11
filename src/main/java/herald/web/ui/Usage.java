package herald.web.ui;

import herald.tenancy.Plan;
import herald.tenancy.PlanLimits;

/** A workspace's plan with what it uses of it; only members are counted so far, the rest show the allowance. */
public record Usage(String plan, PlanLimits limits, int members) {

    static Usage of(Plan plan, int members) {
        return new Usage(plan.name(), plan.limits(), members);
    }

    /** Members used as a whole percentage of the limit, for the meter. */
    public int membersPercent() {
        return limits.members() <= 0 ? 100 : Math.min(100, members * 100 / limits.members());
    }

    public boolean membersFull() {
        return members >= limits.members();
    }

    public String planLabel() {
        return plan.isEmpty() ? plan : Character.toUpperCase(plan.charAt(0)) + plan.substring(1);
    }
}
