package io.cardflow.sdk.flow;

/** Told of every step of the flow, on the flow's thread. */
@FunctionalInterface
public interface OnboardingListener {

    OnboardingListener NONE = event -> { };

    void onProgress(ProgressEvent event);
}
