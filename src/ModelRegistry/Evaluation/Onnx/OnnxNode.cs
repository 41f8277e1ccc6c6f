namespace DaiChain.ModelRegistry.Evaluation.Onnx;

/// <summary>One validated graph node: its operator, the opset version of its domain, wiring and attributes.</summary>
internal sealed class OnnxNode
{
    public required int Index { get; init; }

    public required string Name { get; init; }

    public required string OpType { get; init; }

    /// <summary>Normalised domain: <see cref="OnnxDomains.Onnx"/> for the default domain.</summary>
    public required string Domain { get; init; }

    /// <summary>The model's opset version for <see cref="Domain"/>; operator semantics dispatch on it.</summary>
    public required long OpsetVersion { get; init; }

    /// <summary>Input names; an empty name is an omitted optional input.</summary>
    public required string[] Inputs { get; init; }

    /// <summary>Output names; an empty name is an omitted optional output.</summary>
    public required string[] Outputs { get; init; }

    public required IReadOnlyDictionary<string, OnnxAttribute> Attributes { get; init; }

    /// <summary>"Op 'name' (domain, opset N)" for error messages.</summary>
    public string Describe() =>
        Name.Length == 0
            ? $"{OpType} (domain {Domain}, opset {OpsetVersion})"
            : $"{OpType} '{Name}' (domain {Domain}, opset {OpsetVersion})";
}
