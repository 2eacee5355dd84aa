module calculus.derivatives {
    exports calculus.derivatives;
}
