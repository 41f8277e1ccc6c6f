#!/usr/bin/python3
"""Generates the evaluator's fixture models, benchmark datasets and expected results.

Run with Debian's interpreter and packages (python3-sklearn, python3-onnx, python3-numpy, python3-torch):

    /usr/bin/python3 tests/ModelRegistry.Tests/Evaluation/Fixtures/generate.py

scikit-learn models are converted by writing their fitted weights into the graphs skl2onnx would emit
(skl2onnx is not packaged): Scaler, LinearClassifier, TreeEnsemble*, Normalizer, ZipMap, MLP as
MatMul/Add/activations, label lookup by ArgMax + ArrayFeatureExtractor. PyTorch models are exported by
torch.onnx. Expected predictions and correct counts come from the frameworks themselves (sklearn
predict, torch forward) on the same float32 features the evaluator reads. The output is deterministic:
fixed seeds, sorted JSON, no timestamps.
"""

import json
import os
import struct

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from sklearn.datasets import load_breast_cancer, load_diabetes, load_digits, load_iris, load_wine
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier, RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
ML = "ai.onnx.ml"
MANIFEST = []


# ---------------------------------------------------------------- files


def write_dataset(name, features, labels):
    """DAIBENCH v1 (docs/spec/benchmark-dataset.md): header, float32 features, int64 or float32 labels."""
    features = np.ascontiguousarray(features, dtype="<f4")
    n = features.shape[0]
    sample = features.shape[1:]
    if labels.dtype.kind in "iu":
        label_type, labels = 7, np.ascontiguousarray(labels, dtype="<i8")
    else:
        label_type, labels = 1, np.ascontiguousarray(labels, dtype="<f4")
    header = b"DAIBENCH" + struct.pack("<HBBB3xI", 1, 1, label_type, len(sample), n)
    header += b"".join(struct.pack("<I", d) for d in sample)
    with open(os.path.join(HERE, name + ".daibench"), "wb") as f:
        f.write(header + features.tobytes() + labels.tobytes())


def save_model(name, graph, opsets, ir_version=8, producer="skl2onnx-equivalent"):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid(d, v) for d, v in opsets], producer_name=producer)
    model.ir_version = ir_version
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(HERE, name + ".onnx"))


def add_fixture(name, spec, n, expected_predictions=None, expected_correct=None, expected_values=None, note=""):
    entry = {"name": name, "model": name + ".onnx", "dataset": name + ".daibench", "spec": spec, "samples": int(n), "note": note}
    if expected_predictions is not None:
        entry["expectedPredictions"] = [int(p) for p in expected_predictions]
        entry["expectedCorrect"] = int(expected_correct)
    if expected_values is not None:
        entry["expectedValues"] = [float(v) for v in np.asarray(expected_values, dtype=np.float32)]
    MANIFEST.append(entry)


def spec(output, task="Classification", metric="Accuracy", threshold=0, mapping=None, inputs=None, positive=None):
    s = {"scoredOutput": output, "task": task, "metric": metric, "threshold": threshold}
    if mapping:
        s["labelMapping"] = [{"modelLabel": k, "datasetLabel": v} for k, v in mapping]
    if inputs:
        s["inputs"] = [{"name": n, "firstFeature": f, "width": w} for n, f, w in inputs]
    if positive is not None:
        s["positiveLabel"] = positive
    return s


# ---------------------------------------------------------------- graph pieces


def tensor_input(name, elem=TensorProto.FLOAT, width=None, batch=None):
    return helper.make_tensor_value_info(name, elem, [batch, width] if width is not None else None)


def zipmap_output(name, key_type=TensorProto.INT64):
    map_type = TypeProto = onnx.TypeProto()
    map_type.map_type.key_type = key_type
    map_type.map_type.value_type.CopyFrom(helper.make_tensor_type_proto(TensorProto.FLOAT, None))
    seq = onnx.TypeProto()
    seq.sequence_type.elem_type.CopyFrom(TypeProto)
    vi = onnx.ValueInfoProto()
    vi.name = name
    vi.type.CopyFrom(seq)
    return vi


def zipmap(inp, out, classes):
    if all(isinstance(c, str) for c in classes):
        return helper.make_node("ZipMap", [inp], [out], domain=ML, classlabels_strings=list(classes))
    return helper.make_node("ZipMap", [inp], [out], domain=ML, classlabels_int64s=[int(c) for c in classes])


def f32(a):
    return np.asarray(a, dtype=np.float32)


def sklearn_threshold(value):
    """skl2onnx's float BRANCH_LEQ adjustment: the largest float32 w with (float)x <= value <=> (float)x <= w."""
    fy = np.float32(value)
    if fy <= value:
        return float(fy)
    return float(np.nextafter(fy, np.float32(-np.inf)))


def tree_attributes(trees, prefix, weights_of, tree_weight=1.0, as_tensor=False):
    """Attributes of TreeEnsemble* for sklearn trees; weights_of(tree, node) -> [(id, weight)]."""
    a = {k: [] for k in ["nodes_treeids", "nodes_nodeids", "nodes_featureids", "nodes_modes", "nodes_values",
                         "nodes_truenodeids", "nodes_falsenodeids", "nodes_missing_value_tracks_true", "nodes_hitrates",
                         prefix + "_treeids", prefix + "_nodeids", prefix + "_ids", prefix + "_weights"]}
    for t, tree in enumerate(trees):
        tr = tree.tree_
        for i in range(tr.node_count):
            leaf = tr.children_left[i] == tr.children_right[i]
            a["nodes_treeids"].append(t)
            a["nodes_nodeids"].append(i)
            a["nodes_featureids"].append(0 if leaf else int(tr.feature[i]))
            a["nodes_modes"].append("LEAF" if leaf else "BRANCH_LEQ")
            a["nodes_values"].append(0.0 if leaf else sklearn_threshold(tr.threshold[i]))
            a["nodes_truenodeids"].append(0 if leaf else int(tr.children_left[i]))
            a["nodes_falsenodeids"].append(0 if leaf else int(tr.children_right[i]))
            a["nodes_missing_value_tracks_true"].append(0)
            a["nodes_hitrates"].append(1.0)
            if leaf:
                for target, w in weights_of(tr, i):
                    a[prefix + "_treeids"].append(t)
                    a[prefix + "_nodeids"].append(i)
                    a[prefix + "_ids"].append(target)
                    a[prefix + "_weights"].append(float(w * tree_weight))
    if as_tensor:
        # ai.onnx.ml opset 3: double-precision twins of the float lists.
        a["nodes_values_as_tensor"] = numpy_helper.from_array(np.array(a.pop("nodes_values"), dtype=np.float64))
        a[prefix + "_weights_as_tensor"] = numpy_helper.from_array(np.array(a.pop(prefix + "_weights"), dtype=np.float64))
        a["nodes_hitrates_as_tensor"] = numpy_helper.from_array(np.array(a.pop("nodes_hitrates"), dtype=np.float64))
    return a


def probabilities(tree, node):
    value = tree.value[node][0]
    return value / value.sum()


# ---------------------------------------------------------------- scikit-learn fixtures


def split(data, target, seed=0, test_size=0.3):
    x_train, x_test, y_train, y_test = train_test_split(data, target, test_size=test_size, random_state=seed, stratify=target if target.dtype.kind in "iu" else None)
    return x_train, f32(x_test), y_train, y_test


def logistic_binary():
    """StandardScaler + LogisticRegression on breast cancer: Scaler -> LinearClassifier([-w, w], LOGISTIC) -> ZipMap."""
    x, y = load_breast_cancer(return_X_y=True)
    x_train, x_test, y_train, y_test = split(x, y)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, random_state=0)).fit(x_train, y_train)
    scaler, lr = model.steps[0][1], model.steps[1][1]
    coef = lr.coef_.ravel()
    nodes = [
        helper.make_node("Scaler", ["input"], ["scaled"], domain=ML, offset=f32(scaler.mean_).tolist(), scale=f32(1.0 / scaler.scale_).tolist()),
        helper.make_node("LinearClassifier", ["scaled"], ["output_label", "probability_tensor"], domain=ML,
                         coefficients=np.concatenate([-coef, coef]).tolist(), intercepts=[-lr.intercept_[0], lr.intercept_[0]],
                         multi_class=0, post_transform="LOGISTIC", classlabels_ints=[0, 1]),
        helper.make_node("Normalizer", ["probability_tensor"], ["probabilities"], domain=ML, norm="L1"),
        zipmap("probabilities", "output_probability", [0, 1]),
    ]
    graph = helper.make_graph(nodes, "logistic_binary", [tensor_input("input", width=x.shape[1])],
                              [helper.make_tensor_value_info("output_label", TensorProto.INT64, [None]), zipmap_output("output_probability")])
    save_model("logistic_binary", graph, [("", 13), (ML, 1)])
    write_dataset("logistic_binary", x_test, y_test.astype(np.int64))
    predictions = model.predict(x_test)
    add_fixture("logistic_binary", spec("output_probability", threshold=9000), len(y_test), predictions, (predictions == y_test).sum(),
                note="ZipMap output scored through its probability tensor")


def logistic_multiclass():
    """StandardScaler + multinomial LogisticRegression on wine: LinearClassifier(SOFTMAX) -> Normalizer(L1) -> ZipMap; precision scored."""
    x, y = load_wine(return_X_y=True)
    x_train, x_test, y_train, y_test = split(x, y)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, random_state=0)).fit(x_train, y_train)
    scaler, lr = model.steps[0][1], model.steps[1][1]
    nodes = [
        helper.make_node("Scaler", ["input"], ["scaled"], domain=ML, offset=f32(scaler.mean_).tolist(), scale=f32(1.0 / scaler.scale_).tolist()),
        helper.make_node("LinearClassifier", ["scaled"], ["output_label", "probability_tensor"], domain=ML,
                         coefficients=lr.coef_.ravel().tolist(), intercepts=lr.intercept_.tolist(), multi_class=1,
                         post_transform="SOFTMAX", classlabels_ints=[0, 1, 2]),
        helper.make_node("Normalizer", ["probability_tensor"], ["probabilities"], domain=ML, norm="L1"),
        zipmap("probabilities", "output_probability", [0, 1, 2]),
    ]
    graph = helper.make_graph(nodes, "logistic_multiclass", [tensor_input("input", width=x.shape[1])],
                              [helper.make_tensor_value_info("output_label", TensorProto.INT64, [None]), zipmap_output("output_probability")])
    save_model("logistic_multiclass", graph, [("", 13), (ML, 1)])
    write_dataset("logistic_multiclass", x_test, y_test.astype(np.int64))
    predictions = model.predict(x_test)
    add_fixture("logistic_multiclass", spec("output_label", metric="Precision", threshold=9000), len(y_test), predictions, (predictions == y_test).sum(),
                note="macro precision from the label output")


def logistic_double():
    """LogisticRegression with double input: skl2onnx's MatMul + Add + ArgMax + ArrayFeatureExtractor path."""
    x, y = load_iris(return_X_y=True)
    x_train, x_test, y_train, y_test = split(x, y)
    lr = LogisticRegression(max_iter=2000, random_state=0).fit(x_train, y_train)
    classes = np.array(lr.classes_, dtype=np.int64)
    inits = [
        numpy_helper.from_array(lr.coef_.T.astype(np.float64), "coef"),
        numpy_helper.from_array(lr.intercept_.reshape(1, -1).astype(np.float64), "intercept"),
        numpy_helper.from_array(classes, "classes"),
        numpy_helper.from_array(np.array([-1], dtype=np.int64), "shape"),
    ]
    nodes = [
        helper.make_node("Cast", ["input"], ["input_double"], to=TensorProto.DOUBLE),
        helper.make_node("MatMul", ["input_double", "coef"], ["multiplied"]),
        helper.make_node("Add", ["multiplied", "intercept"], ["raw_scores"]),
        helper.make_node("ArgMax", ["raw_scores"], ["argmax"], axis=1),
        helper.make_node("ArrayFeatureExtractor", ["classes", "argmax"], ["label_row"], domain=ML),
        helper.make_node("Reshape", ["label_row", "shape"], ["output_label"]),
    ]
    graph = helper.make_graph(nodes, "logistic_double", [tensor_input("input", width=x.shape[1])],
                              [helper.make_tensor_value_info("output_label", TensorProto.INT64, [None])], inits)
    save_model("logistic_double", graph, [("", 15), (ML, 1)])
    write_dataset("logistic_double", x_test, y_test.astype(np.int64))
    predictions = lr.predict(x_test.astype(np.float64))
    add_fixture("logistic_double", spec("output_label", metric="F1", threshold=9000), len(y_test), predictions, (predictions == y_test).sum(),
                note="double arithmetic, macro F1")


def forest_binary():
    """RandomForestClassifier on breast cancer: TreeEnsembleClassifier keeping class 1's probability (binary case)."""
    x, y = load_breast_cancer(return_X_y=True)
    x_train, x_test, y_train, y_test = split(x, y, seed=1)
    rf = RandomForestClassifier(n_estimators=15, max_depth=5, random_state=0).fit(x_train, y_train)
    attrs = tree_attributes(rf.estimators_, "class", lambda t, i: [(0, probabilities(t, i)[1])], tree_weight=1.0 / len(rf.estimators_))
    nodes = [
        helper.make_node("TreeEnsembleClassifier", ["input"], ["output_label", "probabilities"], domain=ML,
                         classlabels_int64s=[0, 1], post_transform="NONE", **attrs),
        zipmap("probabilities", "output_probability", [0, 1]),
    ]
    graph = helper.make_graph(nodes, "forest_binary", [tensor_input("input", width=x.shape[1])],
                              [helper.make_tensor_value_info("output_label", TensorProto.INT64, [None]), zipmap_output("output_probability")])
    save_model("forest_binary", graph, [("", 13), (ML, 1)])
    write_dataset("forest_binary", x_test, y_test.astype(np.int64))
    predictions = rf.predict(x_test)
    add_fixture("forest_binary", spec("output_label", metric="Recall", threshold=9000, positive=1), len(y_test), predictions, (predictions == y_test).sum(),
                note="binary trees keep one class score; recall of class 1")


def forest_multiclass_strings():
    """RandomForestClassifier on wine with string class labels and ai.onnx.ml 3 double thresholds (nodes_values_as_tensor)."""
    x, y = load_wine(return_X_y=True)
    names = np.array(["barolo", "grignolino", "barbera"])
    x_train, x_test, y_train, y_test = split(x, y, seed=2)
    rf = RandomForestClassifier(n_estimators=12, max_depth=4, random_state=0).fit(x_train, names[y_train])
    order = list(rf.classes_)  # sorted names
    attrs = tree_attributes(rf.estimators_, "class", lambda t, i: list(enumerate(probabilities(t, i))), tree_weight=1.0 / len(rf.estimators_), as_tensor=True)
    nodes = [
        helper.make_node("TreeEnsembleClassifier", ["input"], ["output_label", "probabilities"], domain=ML,
                         classlabels_strings=order, post_transform="NONE", **attrs),
        zipmap("probabilities", "output_probability", order),
    ]
    graph = helper.make_graph(nodes, "forest_multiclass_strings", [tensor_input("input", width=x.shape[1])],
                              [helper.make_tensor_value_info("output_label", TensorProto.STRING, [None]),
                               zipmap_output("output_probability", key_type=TensorProto.STRING)])
    save_model("forest_multiclass_strings", graph, [("", 13), (ML, 3)])
    write_dataset("forest_multiclass_strings", x_test, y_test.astype(np.int64))
    predictions = np.array([list(names).index(p) for p in rf.predict(x_test)])
    mapping = [(str(n), i) for i, n in enumerate(names)]
    add_fixture("forest_multiclass_strings", spec("output_label", threshold=8500, mapping=mapping), len(y_test), predictions, (predictions == y_test).sum(),
                note="string labels through the benchmark's label mapping")


def boosting_binary():
    """GradientBoostingClassifier on breast cancer: one class id, base value, LOGISTIC (mixed-sign binary case)."""
    x, y = load_breast_cancer(return_X_y=True)
    x_train, x_test, y_train, y_test = split(x, y, seed=3)
    gb = GradientBoostingClassifier(n_estimators=20, max_depth=3, learning_rate=0.3, random_state=0).fit(x_train, y_train)
    trees = [e[0] for e in gb.estimators_]
    attrs = tree_attributes(trees, "class", lambda t, i: [(0, t.value[i][0][0])], tree_weight=gb.learning_rate)
    base = float(gb._raw_predict_init(x_test[:1].astype(np.float64))[0, 0])
    nodes = [
        helper.make_node("TreeEnsembleClassifier", ["input"], ["output_label", "probabilities"], domain=ML,
                         classlabels_int64s=[0, 1], post_transform="LOGISTIC", base_values=[base], **attrs),
        zipmap("probabilities", "output_probability", [0, 1]),
    ]
    graph = helper.make_graph(nodes, "boosting_binary", [tensor_input("input", width=x.shape[1])],
                              [helper.make_tensor_value_info("output_label", TensorProto.INT64, [None]), zipmap_output("output_probability")])
    save_model("boosting_binary", graph, [("", 13), (ML, 1)])
    write_dataset("boosting_binary", x_test, y_test.astype(np.int64))
    predictions = gb.predict(x_test)
    add_fixture("boosting_binary", spec("output_probability", threshold=9000), len(y_test), predictions, (predictions == y_test).sum())


def forest_regressor():
    """RandomForestRegressor on diabetes: TreeEnsembleRegressor with AVERAGE."""
    x, y = load_diabetes(return_X_y=True)
    x_train, x_test, y_train, y_test = split(x, y, seed=4)
    rf = RandomForestRegressor(n_estimators=10, max_depth=5, random_state=0).fit(x_train, y_train)
    attrs = tree_attributes(rf.estimators_, "target", lambda t, i: [(0, t.value[i][0][0])])
    nodes = [helper.make_node("TreeEnsembleRegressor", ["input"], ["variable"], domain=ML, n_targets=1, aggregate_function="AVERAGE", **attrs)]
    graph = helper.make_graph(nodes, "forest_regressor", [tensor_input("input", width=x.shape[1])],
                              [helper.make_tensor_value_info("variable", TensorProto.FLOAT, [None, 1])])
    save_model("forest_regressor", graph, [("", 13), (ML, 1)])
    write_dataset("forest_regressor", x_test, f32(y_test))
    add_fixture("forest_regressor", spec("variable", task="Regression", metric="MeanSquaredError", threshold=4_000_000_000), len(y_test),
                expected_values=rf.predict(x_test))


def linear_regressor():
    """LinearRegression on diabetes: LinearRegressor; scored by mean absolute error."""
    x, y = load_diabetes(return_X_y=True)
    x_train, x_test, y_train, y_test = split(x, y, seed=5)
    lr = LinearRegression().fit(x_train, y_train)
    nodes = [helper.make_node("LinearRegressor", ["input"], ["variable"], domain=ML, coefficients=lr.coef_.tolist(), intercepts=[float(lr.intercept_)])]
    graph = helper.make_graph(nodes, "linear_regressor", [tensor_input("input", width=x.shape[1])],
                              [helper.make_tensor_value_info("variable", TensorProto.FLOAT, [None, 1])])
    save_model("linear_regressor", graph, [("", 13), (ML, 1)])
    write_dataset("linear_regressor", x_test, f32(y_test))
    add_fixture("linear_regressor", spec("variable", task="Regression", metric="MeanAbsoluteError", threshold=60_000_000), len(y_test),
                expected_values=lr.predict(x_test))


def mlp_graph(name, mlp, width, activation, binary, classes):
    """skl2onnx's MLP graph: MatMul + Add + activation per layer, Softmax (or Sigmoid + [1-p, p]), label via ArgMax + ArrayFeatureExtractor."""
    inits, nodes, last = [], [], "input"
    for k, (w, b) in enumerate(zip(mlp.coefs_, mlp.intercepts_)):
        inits += [numpy_helper.from_array(f32(w), f"W{k}"), numpy_helper.from_array(f32(b), f"B{k}")]
        nodes += [helper.make_node("MatMul", [last, f"W{k}"], [f"mm{k}"]), helper.make_node("Add", [f"mm{k}", f"B{k}"], [f"z{k}"])]
        last = f"z{k}"
        if k < len(mlp.coefs_) - 1:
            nodes.append(helper.make_node(activation, [last], [f"a{k}"]))
            last = f"a{k}"
    if binary:
        inits += [numpy_helper.from_array(np.array([1.0], dtype=np.float32), "one")]
        nodes += [helper.make_node("Sigmoid", [last], ["p1"]), helper.make_node("Sub", ["one", "p1"], ["p0"]),
                  helper.make_node("Concat", ["p0", "p1"], ["probabilities"], axis=1)]
    else:
        nodes.append(helper.make_node("Softmax", [last], ["probabilities"], axis=1))
    inits += [numpy_helper.from_array(np.array(classes, dtype=np.int64), "classes"), numpy_helper.from_array(np.array([-1], dtype=np.int64), "shape")]
    nodes += [helper.make_node("ArgMax", ["probabilities"], ["argmax"], axis=1),
              helper.make_node("ArrayFeatureExtractor", ["classes", "argmax"], ["label_row"], domain=ML),
              helper.make_node("Reshape", ["label_row", "shape"], ["output_label"]),
              zipmap("probabilities", "output_probability", classes)]
    graph = helper.make_graph(nodes, name, [tensor_input("input", width=width)],
                              [helper.make_tensor_value_info("output_label", TensorProto.INT64, [None]), zipmap_output("output_probability")], inits)
    save_model(name, graph, [("", 13), (ML, 1)])


def mlp_digits():
    """MLPClassifier (relu) on digits: softmax classifier graph."""
    x, y = load_digits(return_X_y=True)
    x_train, x_test, y_train, y_test = split(x, y, seed=6, test_size=160)
    mlp = MLPClassifier(hidden_layer_sizes=(32,), max_iter=400, random_state=0).fit(x_train, y_train)
    mlp_graph("mlp_digits", mlp, x.shape[1], "Relu", False, list(range(10)))
    write_dataset("mlp_digits", x_test, y_test.astype(np.int64))
    predictions = mlp.predict(x_test)
    add_fixture("mlp_digits", spec("output_label", threshold=9000), len(y_test), predictions, (predictions == y_test).sum())


def mlp_tanh_binary():
    """MLPClassifier (tanh) on scaled breast cancer: Tanh, Sigmoid, Sub, Concat."""
    x, y = load_breast_cancer(return_X_y=True)
    x = StandardScaler().fit_transform(x)
    x_train, x_test, y_train, y_test = split(x, y, seed=7)
    mlp = MLPClassifier(hidden_layer_sizes=(16, 8), activation="tanh", max_iter=600, random_state=0).fit(x_train, y_train)
    mlp_graph("mlp_tanh_binary", mlp, x.shape[1], "Tanh", True, [0, 1])
    write_dataset("mlp_tanh_binary", x_test, y_test.astype(np.int64))
    predictions = mlp.predict(x_test)
    add_fixture("mlp_tanh_binary", spec("output_probability", metric="F1", threshold=9000, positive=1), len(y_test), predictions, (predictions == y_test).sum())


def mlnet_style():
    """An ML.NET-shaped export: one input per column, -1 dims, the label as an unused input, Imputer (NaN),
    Scaler, FeatureVectorizer, LinearRegressor + Mul/Add/Sigmoid calibrator, Binarizer, Cast to UINT32,
    LabelEncoder to 1-based keys and Identity outputs."""
    x, y = load_breast_cancer(return_X_y=True)
    x = x[:, [0, 1, 2, 3, 20, 21]]
    rng = np.random.RandomState(0)
    x = x.copy()
    x[rng.rand(*x.shape) < 0.05] = np.nan
    x_train, x_test, y_train, y_test = split(x, y, seed=8)
    model = make_pipeline(SimpleImputer(strategy="mean"), StandardScaler(), LogisticRegression(max_iter=2000, random_state=0)).fit(x_train, y_train)
    imputer, scaler, lr = (s[1] for s in model.steps)
    calibrator = [numpy_helper.from_array(np.array([1.0], dtype=np.float32), "slope"), numpy_helper.from_array(np.array([0.0], dtype=np.float32), "offset")]
    nodes = [
        helper.make_node("FeatureVectorizer", ["size", "texture"], ["features"], domain=ML, inputdimensions=[4, 2]),
        helper.make_node("Imputer", ["features"], ["imputed"], domain=ML, imputed_value_floats=f32(imputer.statistics_).tolist(), replaced_value_float=float("nan")),
        helper.make_node("Scaler", ["imputed"], ["scaled"], domain=ML, offset=f32(scaler.mean_).tolist(), scale=f32(1.0 / scaler.scale_).tolist()),
        helper.make_node("LinearRegressor", ["scaled"], ["raw"], domain=ML, coefficients=lr.coef_.ravel().tolist(), intercepts=lr.intercept_.tolist()),
        helper.make_node("Mul", ["raw", "slope"], ["calibrated_raw"]),
        helper.make_node("Add", ["calibrated_raw", "offset"], ["calibrated"]),
        helper.make_node("Sigmoid", ["calibrated"], ["probability"]),
        helper.make_node("Binarizer", ["probability"], ["decided"], domain=ML, threshold=0.5),
        helper.make_node("Cast", ["decided"], ["decided_int"], to=TensorProto.INT64),
        helper.make_node("LabelEncoder", ["decided_int"], ["key"], domain=ML, keys_int64s=[0, 1], values_int64s=[1, 2]),
        helper.make_node("Cast", ["key"], ["key_uint32"], to=TensorProto.UINT32),
        helper.make_node("Identity", ["key_uint32"], ["PredictedLabel.output"]),
        helper.make_node("Identity", ["probability"], ["Probability.output"]),
        helper.make_node("Identity", ["Label"], ["Label.output"]),
    ]
    inputs = [helper.make_tensor_value_info("size", TensorProto.FLOAT, [-1, 4]), helper.make_tensor_value_info("texture", TensorProto.FLOAT, [-1, 2]),
              helper.make_tensor_value_info("Label", TensorProto.FLOAT, [-1, 1])]
    outputs = [helper.make_tensor_value_info("PredictedLabel.output", TensorProto.UINT32, [-1, 1]),
               helper.make_tensor_value_info("Probability.output", TensorProto.FLOAT, [-1, 1]),
               helper.make_tensor_value_info("Label.output", TensorProto.FLOAT, [-1, 1])]
    graph = helper.make_graph(nodes, "mlnet_style", inputs, outputs, calibrator)
    save_model("mlnet_style", graph, [("", 12), (ML, 2)], ir_version=7, producer="ML.NET-shaped")
    write_dataset("mlnet_style", x_test, y_test.astype(np.int64))
    predictions = model.predict(x_test)
    add_fixture("mlnet_style", spec("PredictedLabel.output", threshold=8500, mapping=[("1", 0), ("2", 1)],
                                    inputs=[("size", 0, 4), ("texture", 4, 2)]), len(y_test), predictions, (predictions == y_test).sum(),
                note="1-based keys mapped to dataset labels; the Label input is never fed")


# ---------------------------------------------------------------- PyTorch fixtures


def torch_fixtures():
    import torch
    from torch import nn

    torch.manual_seed(0)
    torch.use_deterministic_algorithms(True)
    x, y = load_digits(return_X_y=True)
    x = (x / 16.0).astype(np.float32)
    x_train, x_test, y_train, y_test = split(x, y, seed=9, test_size=160)
    xt = torch.from_numpy(np.asarray(x_train, dtype=np.float32)).reshape(-1, 1, 8, 8)
    yt = torch.from_numpy(y_train.astype(np.int64))

    def train(model, epochs):
        opt = torch.optim.Adam(model.parameters(), lr=0.01)
        for _ in range(epochs):
            for i in range(0, len(xt), 64):
                opt.zero_grad()
                loss = nn.functional.cross_entropy(model(xt[i:i + 64]), yt[i:i + 64])
                loss.backward()
                opt.step()
        return model.eval()

    class Mlp(nn.Module):
        def __init__(self):
            super().__init__()
            self.hidden = nn.Linear(64, 48)
            self.drop = nn.Dropout(0.2)
            self.out = nn.Linear(48, 10)

        def forward(self, images):
            flat = images.view(images.size(0), -1)  # dynamic batch: Shape, Gather, Unsqueeze, Concat, Reshape
            return self.out(self.drop(torch.relu(self.hidden(flat))))

    class Probabilities(nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, images):
            return torch.softmax(self.inner(images), dim=1)

    class Cnn(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 8, 3, padding=1)
            self.bn1 = nn.BatchNorm2d(8)
            self.conv2 = nn.Conv2d(8, 16, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.avg = nn.AvgPool2d(2)
            self.gap = nn.AdaptiveAvgPool2d(1)
            self.fc = nn.Linear(16, 10)
            self.bn2 = nn.BatchNorm1d(10)

        def forward(self, images):
            h = self.pool(torch.relu(self.bn1(self.conv1(images))))
            h = self.avg(torch.relu(self.conv2(h)))
            h = torch.flatten(self.gap(h), 1)
            return self.bn2(self.fc(h))

    images = torch.from_numpy(np.asarray(x_test, dtype=np.float32)).reshape(-1, 1, 8, 8)
    for name, model, opset in [("torch_mlp", Probabilities(train(Mlp(), 30)).eval(), 11), ("torch_cnn", train(Cnn(), 25), 17)]:
        path = os.path.join(HERE, name + ".onnx")
        torch.onnx.export(model, images[:2], path, input_names=["images"], output_names=["scores"], opset_version=opset,
                          dynamic_axes={"images": {0: "batch"}, "scores": {0: "batch"}}, do_constant_folding=True)
        exported = onnx.load(path)
        exported.producer_version = ""
        onnx.checker.check_model(exported)
        onnx.save(exported, path)
        with torch.no_grad():
            predictions = model(images).argmax(dim=1).numpy()
        write_dataset(name, np.asarray(x_test, dtype=np.float32).reshape(-1, 1, 8, 8), y_test.astype(np.int64))
        ops = sorted({n.op_type for n in exported.graph.node})
        add_fixture(name, spec("scores", threshold=9000), len(y_test), predictions, (predictions == y_test).sum(),
                    note=f"torch.onnx opset {opset}: {', '.join(ops)}")


def main():
    np.random.seed(0)
    for old in os.listdir(HERE):
        if old.endswith((".onnx", ".daibench")):
            os.remove(os.path.join(HERE, old))
    logistic_binary()
    logistic_multiclass()
    logistic_double()
    forest_binary()
    forest_multiclass_strings()
    boosting_binary()
    forest_regressor()
    linear_regressor()
    mlp_digits()
    mlp_tanh_binary()
    mlnet_style()
    torch_fixtures()
    with open(os.path.join(HERE, "manifest.json"), "w") as f:
        json.dump({"generator": "generate.py", "fixtures": MANIFEST}, f, indent=1, sort_keys=True)
        f.write("\n")
    for entry in MANIFEST:
        print(f"{entry['name']:28s} n={entry['samples']:4d} correct={entry.get('expectedCorrect', '-')!s:5s} {entry['note']}")


if __name__ == "__main__":
    main()
