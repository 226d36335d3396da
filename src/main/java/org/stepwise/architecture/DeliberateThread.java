package org.stepwise.architecture;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that starts a thread or a pool of its own, outside {@code ui.common.BackgroundRunner}
 * (whose one {@code db} thread does all store work). The architecture test refuses any other class that
 * starts one; the value says why this one must.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DeliberateThread {

    /** Why this class needs a thread of its own, and when that thread ends. */
    String value();
}
