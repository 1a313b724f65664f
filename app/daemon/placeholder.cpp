namespace vaulttray {}
