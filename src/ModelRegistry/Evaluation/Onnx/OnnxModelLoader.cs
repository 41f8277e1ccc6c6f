using System.Globalization;
using DaiChain.ModelRegistry.Evaluation.Tensors;
using Google.Protobuf;

namespace DaiChain.ModelRegistry.Evaluation.Onnx;

/// <summary>Parses ONNX bytes with bounded protobuf decoding and validates the model's structure.</summary>
/// <remarks>
/// Structure only: versions, forbidden constructs, names, topological order, tensors. Whether each operator is
/// supported, and with which attributes, is checked when a plan is built for the nodes the scored output needs
/// (<see cref="Runtime.PlanBuilder"/>), because exporters leave unrelated branches in graphs (ML.NET routes the
/// label column through its own nodes).
/// </remarks>
internal static class OnnxModelLoader
{
    public static OnnxModel Load(ReadOnlySpan<byte> bytes, EvaluationLimits limits)
    {
        if (bytes.Length > limits.MaxModelBytes)
        {
            throw new OnnxModelException(ModelRejectionReason.TooLarge,
                string.Create(CultureInfo.InvariantCulture, $"model is {bytes.Length} bytes, the limit is {limits.MaxModelBytes}"));
        }

        var proto = Parse(bytes, limits);
        return Validate(proto, limits);
    }

    private static ModelProto Parse(ReadOnlySpan<byte> bytes, EvaluationLimits limits)
    {
        try
        {
            using var stream = new MemoryStream(bytes.ToArray(), writable: false);
            using var input = CodedInputStream.CreateWithLimits(stream, limits.MaxModelBytes, limits.MaxProtobufDepth);
            var model = ModelProto.Parser.ParseFrom(input);
            if (!input.IsAtEnd)
            {
                throw new OnnxModelException(ModelRejectionReason.Malformed, "malformed ONNX protobuf: trailing bytes");
            }

            return model;
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new OnnxModelException(ModelRejectionReason.Malformed, $"malformed ONNX protobuf: {e.Message}", e);
        }
    }

    private static OnnxModel Validate(ModelProto proto, EvaluationLimits limits)
    {
        if (proto.IrVersion < OnnxDomains.MinIrVersion || proto.IrVersion > OnnxDomains.MaxIrVersion)
        {
            throw new OnnxModelException(ModelRejectionReason.UnsupportedVersion,
                string.Create(CultureInfo.InvariantCulture,
                    $"IR version {proto.IrVersion} is not supported (accepted: {OnnxDomains.MinIrVersion}-{OnnxDomains.MaxIrVersion})"));
        }

        if (proto.Functions.Count > 0)
        {
            throw new OnnxModelException(ModelRejectionReason.ForbiddenConstruct, "model-local functions are not accepted; export with functions inlined");
        }

        if (proto.TrainingInfo.Count > 0)
        {
            throw new OnnxModelException(ModelRejectionReason.ForbiddenConstruct, "training_info is not accepted; export an inference-only model");
        }

        var opsets = ValidateOpsets(proto);
        var graph = proto.Graph ?? throw new OnnxModelException(ModelRejectionReason.Malformed, "model has no graph");
        if (graph.SparseInitializer.Count > 0)
        {
            throw new OnnxModelException(ModelRejectionReason.ForbiddenConstruct, "sparse initializers are not accepted");
        }

        if (graph.Node.Count > limits.MaxNodes)
        {
            throw new OnnxModelException(ModelRejectionReason.TooLarge,
                string.Create(CultureInfo.InvariantCulture, $"graph has {graph.Node.Count} nodes, the limit is {limits.MaxNodes}"));
        }

        // Every name is produced once: by an initializer, a fed input or a node output.
        var defined = new HashSet<string>(StringComparer.Ordinal);
        var initializers = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var t in graph.Initializer)
        {
            RequireName(t.Name, "initializer");
            if (!defined.Add(t.Name))
            {
                throw Duplicate(t.Name);
            }

            initializers[t.Name] = OnnxTensorDecoder.Decode(t, limits, $"initializer '{t.Name}'");
        }

        var inputs = new List<OnnxValueInfo>();
        var inputNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var vi in graph.Input)
        {
            RequireName(vi.Name, "graph input");
            if (!inputNames.Add(vi.Name))
            {
                throw Duplicate(vi.Name);
            }

            if (initializers.ContainsKey(vi.Name))
            {
                // An input with an initializer is a constant with a default (IR < 4 lists every initializer as an input).
                continue;
            }

            defined.Add(vi.Name);
            inputs.Add(ValueInfo(vi, limits, "graph input"));
        }

        var nodes = new List<OnnxNode>(graph.Node.Count);
        var producers = new Dictionary<string, OnnxNode>(StringComparer.Ordinal);
        for (var i = 0; i < graph.Node.Count; i++)
        {
            var node = ValidateNode(graph.Node[i], i, opsets, limits);
            foreach (var input in node.Inputs)
            {
                if (input.Length > 0 && !defined.Contains(input))
                {
                    throw new OnnxModelException(ModelRejectionReason.InvalidGraph,
                        $"node {node.Describe()} uses '{input}' before it is produced: the graph is not in topological order, has a cycle or names an undefined value");
                }
            }

            foreach (var output in node.Outputs)
            {
                if (output.Length == 0)
                {
                    continue;
                }

                if (!defined.Add(output))
                {
                    throw Duplicate(output);
                }

                producers[output] = node;
            }

            nodes.Add(node);
        }

        var outputs = new List<OnnxValueInfo>();
        var outputNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var vi in graph.Output)
        {
            RequireName(vi.Name, "graph output");
            if (!outputNames.Add(vi.Name))
            {
                throw new OnnxModelException(ModelRejectionReason.InvalidGraph, $"graph output '{vi.Name}' is listed twice");
            }

            if (!defined.Contains(vi.Name))
            {
                throw new OnnxModelException(ModelRejectionReason.InvalidGraph, $"graph output '{vi.Name}' is not produced by any node, input or initializer");
            }

            var info = ValueInfo(vi, limits, "graph output");
            if (!info.IsTensor && !(producers.TryGetValue(vi.Name, out var producer) && producer.OpType == "ZipMap"))
            {
                throw new OnnxModelException(ModelRejectionReason.UnsupportedElementType,
                    $"graph output '{vi.Name}' is not a tensor; only ZipMap outputs may be sequences of maps");
            }

            outputs.Add(info);
        }

        return new OnnxModel
        {
            IrVersion = proto.IrVersion,
            ProducerName = proto.ProducerName,
            Opsets = opsets,
            Nodes = nodes,
            Initializers = initializers,
            Inputs = inputs,
            Outputs = outputs,
            Producers = producers,
        };
    }

    private static Dictionary<string, long> ValidateOpsets(ModelProto proto)
    {
        var opsets = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var o in proto.OpsetImport)
        {
            var domain = OnnxDomains.Normalize(o.Domain);
            if (!opsets.TryAdd(domain, o.Version))
            {
                throw new OnnxModelException(ModelRejectionReason.InvalidGraph, $"opset_import lists domain {domain} twice");
            }

            var (min, max) = domain switch
            {
                OnnxDomains.Onnx => (OnnxDomains.MinOnnxOpset, OnnxDomains.MaxOnnxOpset),
                OnnxDomains.OnnxMl => (OnnxDomains.MinMlOpset, OnnxDomains.MaxMlOpset),
                _ => (long.MinValue, long.MaxValue),
            };
            if (o.Version < min || o.Version > max)
            {
                throw new OnnxModelException(ModelRejectionReason.UnsupportedVersion,
                    string.Create(CultureInfo.InvariantCulture, $"opset {o.Version} of domain {domain} is not supported (accepted: {min}-{max})"));
            }
        }

        return opsets;
    }

    private static OnnxNode ValidateNode(NodeProto proto, int index, Dictionary<string, long> opsets, EvaluationLimits limits)
    {
        var domain = OnnxDomains.Normalize(proto.Domain);
        var where = proto.Name.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"node #{index} ({proto.OpType}, domain {domain})")
            : $"node '{proto.Name}' ({proto.OpType}, domain {domain})";
        if (proto.OpType.Length == 0)
        {
            throw new OnnxModelException(ModelRejectionReason.InvalidGraph, $"{where} has no op_type");
        }

        if (!opsets.TryGetValue(domain, out var version))
        {
            throw new OnnxModelException(ModelRejectionReason.UnsupportedOperator,
                $"unsupported operator {proto.OpType} (domain {domain}, which the model does not import in opset_import)");
        }

        if (proto.Overload.Length > 0)
        {
            throw new OnnxModelException(ModelRejectionReason.ForbiddenConstruct, $"{where} calls a function overload; functions are not accepted");
        }

        var attributes = new Dictionary<string, OnnxAttribute>(StringComparer.Ordinal);
        foreach (var a in proto.Attribute)
        {
            var attribute = ValidateAttribute(a, where, limits);
            if (!attributes.TryAdd(attribute.Name, attribute))
            {
                throw new OnnxModelException(ModelRejectionReason.InvalidAttribute, $"{where} has attribute '{a.Name}' twice");
            }
        }

        return new OnnxNode
        {
            Index = index,
            Name = proto.Name,
            OpType = proto.OpType,
            Domain = domain,
            OpsetVersion = version,
            Inputs = [.. proto.Input],
            Outputs = [.. proto.Output],
            Attributes = attributes,
        };
    }

    private static OnnxAttribute ValidateAttribute(AttributeProto a, string where, EvaluationLimits limits)
    {
        var at = $"{where} attribute '{a.Name}'";
        if (a.Name.Length == 0)
        {
            throw new OnnxModelException(ModelRejectionReason.InvalidAttribute, $"{where} has an attribute without a name");
        }

        if (a.RefAttrName.Length > 0)
        {
            throw new OnnxModelException(ModelRejectionReason.ForbiddenConstruct, $"{at} refers to a function attribute; functions are not accepted");
        }

        if (!a.G.IsEmpty || a.Graphs.Count > 0 || a.Type is AttributeProto.Types.AttributeType.Graph or AttributeProto.Types.AttributeType.Graphs)
        {
            throw new OnnxModelException(ModelRejectionReason.ForbiddenConstruct,
                $"{at} is a sub-graph; control flow (If, Loop, Scan) and sub-graph attributes are not accepted");
        }

        if (!a.SparseTensor.IsEmpty || a.SparseTensors.Count > 0
            || a.Type is AttributeProto.Types.AttributeType.SparseTensor or AttributeProto.Types.AttributeType.SparseTensors)
        {
            throw new OnnxModelException(ModelRejectionReason.ForbiddenConstruct, $"{at} is a sparse tensor; sparse tensors are not accepted");
        }

        if (!a.Tp.IsEmpty || a.TypeProtos.Count > 0
            || a.Type is AttributeProto.Types.AttributeType.TypeProto or AttributeProto.Types.AttributeType.TypeProtos)
        {
            throw new OnnxModelException(ModelRejectionReason.ForbiddenConstruct, $"{at} is a type; type attributes are not accepted");
        }

        var kind = a.Type;
        return kind switch
        {
            AttributeProto.Types.AttributeType.Float => new OnnxAttribute { Name = a.Name, Kind = kind, Float = a.F },
            AttributeProto.Types.AttributeType.Int => new OnnxAttribute { Name = a.Name, Kind = kind, Int = a.I },
            AttributeProto.Types.AttributeType.String => new OnnxAttribute { Name = a.Name, Kind = kind, String = OnnxTensorDecoder.DecodeUtf8(a.S.Span, at) },
            AttributeProto.Types.AttributeType.Tensor => new OnnxAttribute
            {
                Name = a.Name,
                Kind = kind,
                Tensor = OnnxTensorDecoder.Decode(a.T ?? new TensorProto(), limits, at),
            },
            AttributeProto.Types.AttributeType.Floats => new OnnxAttribute { Name = a.Name, Kind = kind, Floats = [.. a.Floats] },
            AttributeProto.Types.AttributeType.Ints => new OnnxAttribute { Name = a.Name, Kind = kind, Ints = [.. a.Ints] },
            AttributeProto.Types.AttributeType.Strings => new OnnxAttribute
            {
                Name = a.Name,
                Kind = kind,
                Strings = [.. a.Strings.Select(s => OnnxTensorDecoder.DecodeUtf8(s.Span, at))],
            },
            AttributeProto.Types.AttributeType.Tensors => new OnnxAttribute
            {
                Name = a.Name,
                Kind = kind,
                Tensors = [.. a.Tensors.Select((t, i) => OnnxTensorDecoder.Decode(t, limits, string.Create(CultureInfo.InvariantCulture, $"{at}[{i}]")))],
            },
            _ => throw new OnnxModelException(ModelRejectionReason.InvalidAttribute, $"{at} has no valid type ({(int)kind})"),
        };
    }

    private static OnnxValueInfo ValueInfo(ValueInfoProto vi, EvaluationLimits limits, string what)
    {
        var type = vi.Type;
        if (type is null || type.ValueCase == TypeProto.ValueOneofCase.None)
        {
            // A missing type is allowed by IR for outputs of some exporters; the plan checks the actual tensors.
            return new OnnxValueInfo { Name = vi.Name, IsTensor = true };
        }

        if (type.ValueCase != TypeProto.ValueOneofCase.TensorType)
        {
            return new OnnxValueInfo { Name = vi.Name, IsTensor = false };
        }

        var tensorType = type.TensorType;
        if (tensorType.ElemType != 0 && !ElementTypes.IsDefined(tensorType.ElemType))
        {
            throw new OnnxModelException(ModelRejectionReason.UnsupportedElementType,
                $"{what} '{vi.Name}' has element type {ElementTypes.CodeName(tensorType.ElemType)}, which is not supported");
        }

        long?[]? dims = null;
        if (tensorType.Shape is not null)
        {
            if (tensorType.Shape.Dim.Count > limits.MaxRank)
            {
                throw new OnnxModelException(ModelRejectionReason.TooLarge,
                    string.Create(CultureInfo.InvariantCulture, $"{what} '{vi.Name}' has rank {tensorType.Shape.Dim.Count}, the limit is {limits.MaxRank}"));
            }

            dims = new long?[tensorType.Shape.Dim.Count];
            for (var i = 0; i < dims.Length; i++)
            {
                var d = tensorType.Shape.Dim[i];
                if (d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue && d.DimValue >= 0)
                {
                    dims[i] = d.DimValue;
                }
                else if (d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue && d.DimValue < -1)
                {
                    throw new OnnxModelException(ModelRejectionReason.InvalidTensor,
                        string.Create(CultureInfo.InvariantCulture, $"{what} '{vi.Name}' has dimension {d.DimValue}"));
                }
            }
        }

        return new OnnxValueInfo { Name = vi.Name, IsTensor = true, ElementTypeCode = tensorType.ElemType, Dims = dims };
    }

    private static void RequireName(string name, string what)
    {
        if (name.Length == 0)
        {
            throw new OnnxModelException(ModelRejectionReason.InvalidGraph, $"a {what} has an empty name");
        }
    }

    private static OnnxModelException Duplicate(string name) =>
        new(ModelRejectionReason.InvalidGraph, $"'{name}' is produced more than once (each name must be produced by exactly one input, initializer or node output)");
}
