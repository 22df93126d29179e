package io.liveload.junit; final class Placeholder { org.junit.jupiter.api.extension.Extension e; org.assertj.core.api.AbstractAssert<?,?> a; }
