class ConfigError(Exception):
    pass
def load(path):
    raise ConfigError(f"cannot load {path!r}")
print("starting")
load("app.cfg")
