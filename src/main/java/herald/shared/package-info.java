/** Tiny values shared by every module: ids and nothing with behaviour. */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package herald.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
