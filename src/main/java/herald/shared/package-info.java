/** Tiny values shared by every module: ids and nothing with behaviour. */
@NullMarked
package herald.shared;

import org.jspecify.annotations.NullMarked;
