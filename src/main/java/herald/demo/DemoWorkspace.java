package herald.demo;

import java.util.List;

/** One of the workspaces the demo owner starts with, and the Sandbox account it comes connected to. */
record DemoWorkspace(String name, String timezone, String plan, String sandboxHandle, String description) {

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
                    Never mention competitors or discounts above 20%."""),
            new DemoWorkspace(
                    "Hults Cafe",
                    "Europe/Stockholm",
                    "basic",
                    "hults",
                    """
                    Hults Cafe is a small specialty coffee shop and bakery in Södermalm, Stockholm. Voice: calm, \
                    friendly and understated; write in English, with Swedish words like fika where they come \
                    naturally. Topics: seasonal pastries (kanelbullar, semlor in February), single-origin coffee, \
                    opening hours and quiet corners to work in."""));
}
