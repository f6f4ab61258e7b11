package herald.demo;

import java.util.List;

/**
 * One of the workspaces the demo owner starts with, the Sandbox account it comes connected to, and the posts it starts
 * with ({@link DemoPosts}); {@code shortensLinks}: whether it starts with short links on (herald.publishing.ShortLinks).
 */
record DemoWorkspace(
        String name,
        String timezone,
        String plan,
        String sandboxHandle,
        String description,
        boolean shortensLinks,
        List<DemoPosts.Sample> samples) {

    DemoWorkspace {
        samples = List.copyOf(samples);
    }

    static final List<DemoWorkspace> ALL = List.of(
            new DemoWorkspace(
                    "Krusty Pizza",
                    "America/New_York",
                    "pro",
                    "krusty",
                    """
                    Krusty Pizza is a family-run pizzeria in Brooklyn, New York, baking Neapolitan-style pies in a \
                    wood-fired oven since 2009. Voice: warm, playful and a little cheeky; short sentences, at most one \
                    emoji. Audience: neighbours, families and students. Topics: the slice of the week, daily specials, \
                    late hours (open until 1 am on Fridays and Saturdays), local events and the people in the kitchen. \
                    Never mention competitors or discounts above 20%.""",
                    true,
                    List.of(
                            now(
                                            "Slice of the week: hot honey pepperoni. Crispy edges, sticky fingers, zero"
                                                    + " regrets. 🍕",
                                            "specials")
                                    .commented("#pizza #brooklyn #sliceoftheweek"),
                            now(
                                    "Open until 1 am this Friday and Saturday. Same wood-fired oven, later slices."
                                            + " Order ahead: https://krusty.example.com/order",
                                    "hours"),
                            queued(
                                            "Meet Luigi, our dough whisperer: every pie rests 48 hours before it meets"
                                                    + " the oven. A thread on how he does it 🧵",
                                            "team")
                                    .threaded(
                                            "Flour, water, salt and a pinch of yeast. That's all. The secret is time.",
                                            "48 hours in the cold, then 90 seconds at 900°F. Come watch him any"
                                                    + " morning."),
                            queued(
                                            "Family night Tuesday: two large pies and a salad for the table, 15% off.",
                                            "specials")
                                    .weekly(),
                            queued(
                                    "Heading to the Brooklyn Book Fair? Grab a slice on the way, we are two blocks"
                                            + " from the entrance.",
                                    "events"),
                            draft("Idea: a reel of the oven at 900°F, from first flame to the first pie out."))),
            new DemoWorkspace(
                    "Hults Cafe",
                    "Europe/Stockholm",
                    "basic",
                    "hults",
                    """
                    Hults Cafe is a small specialty coffee shop and bakery in Södermalm, Stockholm. Voice: calm, \
                    friendly and understated; write in English, with Swedish words like fika where they come \
                    naturally. Topics: seasonal pastries (kanelbullar, semlor in February), single-origin coffee, \
                    opening hours and quiet corners to work in.""",
                    false,
                    List.of(
                            now("Fresh kanelbullar out of the oven at 8. Fika starts early today.", "bakery"),
                            queued(
                                    "This week's single origin: a washed Ethiopian, bright and floral. Ask for a"
                                            + " pour-over.",
                                    "coffee"),
                            queued(
                                    "The quiet corner by the window is free every morning until 11. Bring a book.",
                                    "cafe"),
                            draft("Semla season is coming: when should we start baking them?"))));

    private static DemoPosts.Sample now(String text, String tag) {
        return new DemoPosts.Sample(text, List.of(tag), DemoPosts.When.NOW);
    }

    private static DemoPosts.Sample queued(String text, String tag) {
        return new DemoPosts.Sample(text, List.of(tag), DemoPosts.When.QUEUE);
    }

    private static DemoPosts.Sample draft(String text) {
        return new DemoPosts.Sample(text, List.of(), DemoPosts.When.DRAFT);
    }
}
