package io.realworld.api.contract;

/** One layer of the application: its name and a digest of its content. */
record Layer(String name, String digest) {
}
