package herald.tenancy;

/** A named plan and its limits, from configuration ({@code herald.plans.<name>.*}). */
public record Plan(String name, PlanLimits limits) {}
