"""The analysis stage (pandas): answers to scores, views, recommendations, roadmap, training."""
