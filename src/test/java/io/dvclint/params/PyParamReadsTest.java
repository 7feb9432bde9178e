package io.dvclint.params;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dvclint.script.PyParamReads;
import io.dvclint.yaml.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;




class PyParamReadsTest {
    static List<String> reads(String py) {
        return PyParamReads.find(new SourceText(py), s -> s.endsWith(".yaml") || s.endsWith(".json")
                || s.endsWith(".toml")).stream().map(r -> r.fileRef() + ":" + r.key() + "@" + r.line()).toList();
    }

    @Test
    void directAndTwoStep() {
        assertEquals(List.of("params.yaml:train.epochs@1"),
                reads("e = yaml.safe_load(open('params.yaml'))['train']['epochs'] * 2\n"));
        assertEquals(List.of("params.yaml:train.lr@3", "params.yaml:seed@4"),
                reads("with open('params.yaml') as f:\n    params = yaml.safe_load(f)\nlr = params['train']['lr'] + 0\n"
                        + "print(params.get('seed', 1))\n"));
    }

    @Test
    void rebindingToAPartAndAliases() {
        // the get-started pattern: the section is taken at load time, keys read later
        assertEquals(List.of("params.yaml:featurize.max_features@2", "params.yaml:featurize.ngrams@3"),
                reads("params = yaml.safe_load(open('params.yaml'))['featurize']\nmf = params['max_features']\n"
                        + "ngrams = params['ngrams']\nv = CountVectorizer(max_features=mf, ngram_range=(1, ngrams))\n"));
        assertEquals(List.of("params.yaml:train.lr@3"),
                reads("p = yaml.safe_load(open('params.yaml'))\np = p['train']\nx = p['lr']\nprint(x)\n"));
    }

    @Test
    void otherLoadersAndAttributes() {
        assertEquals(List.of("conf.toml:model.depth@3"),
                reads("import tomllib\nwith open('conf.toml', 'rb') as fh:\n    c = tomllib.load(fh); d = c['model']['depth']\n"));
        assertEquals(List.of("params.yaml:train.lr@3"),
                reads("class T:\n    def __init__(self):\n        self.cfg = Box.from_yaml(filename='params.yaml'); print(self.cfg.train.lr)\n"));
        assertEquals(List.of("null:train.lr@2"), reads("import dvc.api\nlr = dvc.api.params_show()['train']['lr']\n"));
        assertEquals(List.of("null:model.units@2"), reads("params = load_params()\nm = get_model(units=params['model']['units'])\n"));
        assertEquals(List.of(), reads("p = model.load_params()\nq = load_params(path)\nprint(p['a'], q['b'])\n"));
        assertEquals(List.of("p.json:a.b@3"), reads("P = os.path.join(ROOT, 'p.json')\nd = json.load(open(P))\nprint(d['a']['b'])\n"));
    }

    @Test
    void notReads() {
        assertEquals(List.of(), reads("cfg = yaml.safe_load(open(args.config))\nprint(cfg['train'])\n"));
        assertEquals(List.of(), reads("p = yaml.safe_load(open('params.yaml'))\np['train'] = 1\nfor k in p:\n    print(k)\n"));
        assertEquals(List.of(), reads("p = yaml.safe_load(open('params.yaml'))\nprint(p.train)\n"), "no attribute access on a dict");
        assertEquals(List.of(), reads("p = yaml.safe_load(open('params.yaml'))\np = other()\nprint(p['train'])\n"));
        assertEquals(List.of(), reads("p = yaml.safe_load(open('params.yaml'))\nprint(p[key], p[f'{x}'], p['a.b'])\n"));
        assertEquals(List.of(), reads("s = upload('params.yaml')\nprint(s['x'])\n"));
        assertEquals(List.of(), reads("p = yaml.safe_load(open('params.yaml')\n"), "does not tokenize");
    }
}
