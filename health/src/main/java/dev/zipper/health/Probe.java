package dev.zipper.health;

/** One thing Zipper depends on, checked when asked: says how it is, or throws why it is not. */
@FunctionalInterface
public interface Probe {

    /** A few words on how it stands ("head 42"); an exception when it is down. */
    String check() throws Exception;
}
