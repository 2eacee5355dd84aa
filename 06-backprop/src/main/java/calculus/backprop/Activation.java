package calculus.backprop;

/**
 * The nonlinearity a {@link Neuron} applies to its weighted sum: what lets a stack of layers be more than one big
 * linear map.
 */
public enum Activation {

    /** No nonlinearity: the output layer of a network that returns scores. */
    LINEAR,
    /** tanh, smooth and zero-centred, the classic choice for small networks. */
    TANH,
    /** max(0, <em>x</em>), cheap and non-saturating for positive inputs. */
    RELU;

    /**
     * Applies this activation to a value, through the {@link Value} operations, so that its derivative is recorded.
     *
     * @param x the weighted sum
     * @return the activation of {@code x}
     */
    public Value apply(Value x) {
        switch (this) {
            case TANH:
                return x.tanh();
            case RELU:
                return x.relu();
            default:
                return x;
        }
    }
}
