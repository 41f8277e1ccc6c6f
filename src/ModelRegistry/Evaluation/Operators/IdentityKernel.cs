using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Identity, and Dropout in inference mode (the input unchanged; the optional mask all true).</summary>
internal sealed class IdentityKernel : Kernel
{
    public IdentityKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        if (node.OpType == "Dropout")
        {
            // ratio is an attribute before opset 12, an input from 12; seed only matters in training mode.
            attributes.Ignore("ratio", "seed");
            LimitInputs(3);
            LimitOutputs(2);
        }
        else
        {
            LimitInputs(1);
            LimitOutputs(1);
        }

        attributes.RejectUnread();
    }

    public override IReadOnlyList<int> ShapeInputs => Node.OpType == "Dropout" ? [2] : [];

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        if (Node.OpType == "Dropout" && Optional(inputs, 2) is { } training)
        {
            RequireValues(training, "training_mode");
            if (training.Type != ElementType.Bool || training.ElementCount != 1 || training.LongData[0] != 0)
            {
                throw Invalid("training_mode must be false for inference");
            }
        }

        var outputs = new Tensor?[Node.Outputs.Length];
        outputs[0] = x;
        if (outputs.Length > 1 && Node.Outputs[1].Length > 0)
        {
            meter.Add(x.ElementCount, Node);
            outputs[1] = x.HasData
                ? Tensor.FromLongs(ElementType.Bool, x.Shape, Enumerable.Repeat(1L, x.Length).ToArray())
                : Tensor.ShapeOnly(ElementType.Bool, x.Shape);
        }

        return outputs;
    }
}
